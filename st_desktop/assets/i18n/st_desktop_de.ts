<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Checking whether it is already in SportTracks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving {moving}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving {moving}, elapsed {elapsed} (pauses included)</source>
        <extracomment>Elapsed time is mentioned beside the moving time when it is longer by more than this (s). Names listed at most in a tooltip (the sentence says how many in all).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: {name} (suggested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate, {count} reasons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} reasons it may be there already. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Log</source>
        <extracomment>The names of the folders the composition root passes, for the translations to find them.</extracomment>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the {folder} folder</source>
        <translation>Ordner „{folder}“ öffnen</translation>
    </message>
    <message>
        <source>Preview, fix and upload your FIT, TCX and GPX files to SportTracks, and browse and edit the workouts in your account, even offline.</source>
        <translation>Sehen Sie sich Ihre FIT-, TCX- und GPX-Dateien in der Vorschau an, korrigieren Sie sie und laden Sie sie zu SportTracks hoch; durchsuchen und bearbeiten Sie die Trainings in Ihrem Konto, auch offline.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>AccountController</name>
    <message>
        <source>Checking the token</source>
        <translation>Token wird geprüft</translation>
    </message>
    <message>
        <source>Keeping the client secret</source>
        <extracomment>The account&apos;s own queue of writes: sign-in, sign-out and keyring writes stay in order.</extracomment>
        <translation>Client-Geheimnis wird gespeichert</translation>
    </message>
    <message>
        <source>Restoring the sign-in</source>
        <translation>Anmeldung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>Abmeldung läuft</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System (follow the desktop)</source>
        <extracomment>The choices, as the page offers them: text, value, object name of the radio button.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System follows the light or dark setting of your desktop, also when it changes while st-desktop runs. Charts, routes and maps follow too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>&amp;Privacy:</source>
        <translation>&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>Sport&amp;art:</translation>
    </message>
    <message>
        <source>Add to &amp;notes:</source>
        <translation>An &amp;Notizen anhängen:</translation>
    </message>
    <message>
        <source>Added at the end of each workout&apos;s notes</source>
        <translation>Wird an die Notizen jedes Trainings angehängt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Change these for all {count} selected workouts; what you leave unticked stays as it is in each. Undo puts every workout back as it was.</source>
        <translation>Diese Angaben für alle {count} ausgewählten Trainings ändern; was Sie nicht ankreuzen, bleibt bei jedem, wie es ist. „Rückgängig“ stellt jedes Training wieder her, wie es war.</translation>
    </message>
    <message>
        <source>Change these for the selected workout; what you leave unticked stays as it is. Undo puts the workout back as it was.</source>
        <translation>Diese Angaben für das ausgewählte Training ändern; was Sie nicht ankreuzen, bleibt, wie es ist. „Rückgängig“ stellt das Training wieder her, wie es war.</translation>
    </message>
    <message>
        <source>Edit Workout</source>
        <translation>Training bearbeiten</translation>
    </message>
    <message>
        <source>Edit {count} Workouts</source>
        <translation>{count} Trainings bearbeiten</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Public</source>
        <extracomment>Privacy values and their labels (translated where the combo box is filled).</extracomment>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Text to add to the notes</source>
        <translation>Text, der an die Notizen angehängt wird</translation>
    </message>
</context>
<context>
    <name>BulkEditor</name>
    <message>
        <source>1 already was as asked.</source>
        <translation>1 war bereits wie gewünscht.</translation>
    </message>
    <message>
        <source>Changed 1 workout.</source>
        <translation>1 Training geändert.</translation>
    </message>
    <message>
        <source>Changed {count} workouts.</source>
        <translation>{count} Trainings geändert.</translation>
    </message>
    <message>
        <source>Could not edit the workouts: {error}</source>
        <translation>Die Trainings konnten nicht bearbeitet werden: {error}</translation>
    </message>
    <message>
        <source>Could not undo the edit: {error}</source>
        <translation>Die Bearbeitung konnte nicht rückgängig gemacht werden: {error}</translation>
    </message>
    <message>
        <source>Editing workouts</source>
        <translation>Trainings werden bearbeitet</translation>
    </message>
    <message>
        <source>Put 1 workout back as it was.</source>
        <translation>1 Training wurde wiederhergestellt, wie es war.</translation>
    </message>
    <message>
        <source>Put {count} workouts back as they were.</source>
        <translation>{count} Trainings wurden wiederhergestellt, wie sie waren.</translation>
    </message>
    <message>
        <source>Undoing the edit</source>
        <translation>Bearbeitung wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>{count} already were as asked.</source>
        <translation>{count} waren bereits wie gewünscht.</translation>
    </message>
</context>
<context>
    <name>BulkGear</name>
    <message>
        <source>&amp;Gear of Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the selected workouts to your bikes and shoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more workouts in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to SportTracks to do this.</source>
        <translation type="unfinished">Melden Sie sich dazu bei SportTracks an.</translation>
    </message>
</context>
<context>
    <name>CalendarDelegate</name>
    <message>
        <source>+ {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show it in the workout table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h moving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <source>No workouts this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W{week}</source>
        <comment>a week&apos;s number, beside its row</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click shows the workout in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+Page Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workouts of the chosen day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type}
Enter shows it in the workout table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;Export Selected…</source>
        <translation>Auswahl &amp;exportieren…</translation>
    </message>
    <message>
        <source>Back &amp;Up Account…</source>
        <translation>Konto &amp;sichern…</translation>
    </message>
    <message>
        <source>Back up your SportTracks account to</source>
        <translation>SportTracks-Konto sichern nach</translation>
    </message>
    <message>
        <source>Backing up your account…</source>
        <translation>Sicherung des Kontos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting 1 workout…</source>
        <translation>Export von 1 Training…</translation>
    </message>
    <message>
        <source>Exporting {count} workouts…</source>
        <translation>Export von {count} Trainings…</translation>
    </message>
    <message>
        <source>First problem: {problem}</source>
        <translation>Erstes Problem: {problem}</translation>
    </message>
    <message>
        <source>Save every workout&apos;s full data into a folder</source>
        <translation>Alle Daten jedes Trainings in einem Ordner speichern</translation>
    </message>
    <message>
        <source>Saved in {folder}.</source>
        <translation>Gespeichert in {folder}.</translation>
    </message>
    <message>
        <source>Select the workouts to export in the table first.</source>
        <translation>Wählen Sie zuerst in der Tabelle die Trainings aus, die exportiert werden sollen.</translation>
    </message>
    <message>
        <source>Stopped; what was saved so far is kept.</source>
        <translation>Angehalten; was bisher gespeichert wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Write the selected workouts as FIT, TCX, GPX, JSON or CSV</source>
        <translation>Die ausgewählten Trainings als FIT, TCX, GPX, JSON oder CSV speichern</translation>
    </message>
    <message>
        <source>{step}: {done} of {total}</source>
        <translation>{step}: {done} von {total}</translation>
    </message>
    <message>
        <source>{task} failed: {error}</source>
        <translation>{task} fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>DetailEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Privacy:</source>
        <translation type="unfinished">&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished">Sport&amp;art:</translation>
    </message>
    <message>
        <source>Changed on SportTracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts &amp;&amp; route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the workout: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the workout: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friends</source>
        <translation type="unfinished">Freunde</translation>
    </message>
    <message>
        <source>Keeping the workout for offline use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laps &amp;&amp; pauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the workout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished">N&amp;otizen:</translation>
    </message>
    <message>
        <source>Not saved: the workout changed on SportTracks. Revert shows that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: showing the copy on this computer; it can&apos;t be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only me</source>
        <translation type="unfinished">Nur ich</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public</source>
        <translation type="unfinished">Öffentlich</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the workout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a workout to see its charts, route and laps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workout was changed on SportTracks since you opened it.

Save your changes over that version? (Only the fields you edited are replaced.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes (sign in to save).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workout name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceImports</name>
    <message>
        <source>Importing 1 activity from {device}…</source>
        <translation>1 Aktivität wird von {device} importiert…</translation>
    </message>
    <message>
        <source>Importing from {device}</source>
        <translation>Import von {device}</translation>
    </message>
    <message>
        <source>Importing {count} activities from {device}…</source>
        <translation>{count} Aktivitäten werden von {device} importiert…</translation>
    </message>
    <message>
        <source>Listing {device}</source>
        <translation>Dateien auf {device} werden aufgelistet</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <extracomment>Device polls and listings run one at a time, in order; import-log writes have their own key.</extracomment>
        <translation>Suche nach Geräten</translation>
    </message>
    <message>
        <source>Open SportTracks Desktop to choose whether to import its activities.</source>
        <translation>Öffnen Sie SportTracks Desktop, um zu wählen, ob seine Aktivitäten importiert werden.</translation>
    </message>
    <message>
        <source>{device} is connected</source>
        <translation>{device} ist angeschlossen</translation>
    </message>
</context>
<context>
    <name>DeviceQuestion</name>
    <message>
        <source>&amp;Not This Device</source>
        <translation>&amp;Nicht dieses Gerät</translation>
    </message>
    <message>
        <source>&amp;Upload New Activities ({count})</source>
        <translation>Neue Aktivitäten &amp;hochladen ({count})</translation>
    </message>
    <message>
        <source>1 of them is newer than your latest workout in SportTracks.</source>
        <translation>1 davon ist neuer als Ihr letztes Training in SportTracks.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{device}&lt;/b&gt; ({vendor}) is plugged in.</source>
        <translation>&lt;b&gt;{device}&lt;/b&gt; ({vendor}) ist angeschlossen.</translation>
    </message>
    <message>
        <source>Add to the &amp;List Only</source>
        <translation>Nur zur &amp;Liste hinzufügen</translation>
    </message>
    <message>
        <source>Import &amp;All {count}</source>
        <translation>&amp;Alle {count} importieren</translation>
    </message>
    <message>
        <source>Import from {device}?</source>
        <translation>Von {device} importieren?</translation>
    </message>
    <message>
        <source>Import its new activities automatically whenever it is plugged in? Files already uploaded are never uploaded again. Your answer is remembered; Preferences &amp;gt; Devices changes it.</source>
        <translation>Neue Aktivitäten automatisch importieren, sobald es angeschlossen wird? Bereits hochgeladene Dateien werden nie erneut hochgeladen. Ihre Antwort wird gespeichert; unter Einstellungen &amp;gt; Geräte können Sie sie ändern.</translation>
    </message>
    <message>
        <source>It holds 1 activity.</source>
        <translation>Es enthält 1 Aktivität.</translation>
    </message>
    <message>
        <source>It holds {count} activities.</source>
        <translation>Es enthält {count} Aktivitäten.</translation>
    </message>
    <message>
        <source>{count} of them are newer than your latest workout in SportTracks.</source>
        <translation>{count} davon sind neuer als Ihr letztes Training in SportTracks.</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>&amp;Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add new activities to the list only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again the next time it is plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices seen before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Whole &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every activity on the device not imported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No watch or bike computer has been plugged in yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug the device in to import its whole history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload new activities automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it is plugged &amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add new activities to the list only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignore this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload new activities automatically</source>
        <extracomment>The same answers inside a device&apos;s line of the list.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionHook</name>
    <message>
        <source>The log file is {path}.</source>
        <translation>Die Protokolldatei ist {path}.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Unerwartetes Problem</translation>
    </message>
    <message>
        <source>st-desktop could not start</source>
        <translation>st-desktop konnte nicht starten</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>CSV (one row per workout, for spreadsheets)</source>
        <translation>CSV (eine Zeile pro Training, für Tabellenkalkulationen)</translation>
    </message>
    <message>
        <source>Choose the folder in a file dialog</source>
        <translation>Den Ordner in einem Dateidialog auswählen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export Workout</source>
        <translation>Training exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Export {count} Workouts</source>
        <translation>{count} Trainings exportieren</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>FIT (Garmin, most apps)</source>
        <extracomment>The formats Export offers: key and label (translated where the list is shown).</extracomment>
        <translation>FIT (Garmin, die meisten Apps)</translation>
    </message>
    <message>
        <source>Folder to export to</source>
        <translation>Zielordner für den Export</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>GPX (route with heart rate, cadence, power)</source>
        <translation>GPX (Strecke mit Herzfrequenz, Trittfrequenz, Leistung)</translation>
    </message>
    <message>
        <source>JSON (exactly as SportTracks stores it)</source>
        <translation>JSON (genau so, wie SportTracks es speichert)</translation>
    </message>
    <message>
        <source>TCX (Training Center)</source>
        <translation>TCX (Training Center)</translation>
    </message>
</context>
<context>
    <name>FiguresView</name>
    <message>
        <source>Average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Climb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <extracomment>Summary figures: key, caption (two columns, filled row by row; translated where shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All types</source>
        <translation>Alle Sportarten</translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation>Nach Sportart filtern</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Von Datum</translation>
    </message>
    <message>
        <source>Search name, type and notes…</source>
        <extracomment>Typing pauses this long before the table is filtered, so each key press doesn&apos;t query.</extracomment>
        <translation>Name, Sportart und Notizen durchsuchen…</translation>
    </message>
    <message>
        <source>Search workouts</source>
        <translation>Trainings durchsuchen</translation>
    </message>
    <message>
        <source>Show only the workouts between two dates</source>
        <translation>Nur die Trainings zwischen zwei Daten anzeigen</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>FullTrackLoader</name>
    <message>
        <source>Reading the file for its charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file gives no samples to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is no longer in the upload list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error ({error}); details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GearAssignDialog</name>
    <message>
        <source>Check the gear used in the selected workout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the gear used in the {count} selected workouts; a half-checked item is used in some of them and stays as it is unless you change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gear items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gear of the Selected Workouts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GearDialog</name>
    <message>
        <source>&amp;Brand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Retired (kept for its history, offered no more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bike</source>
        <extracomment>Kinds offered (the service keeps any text; these are the ones people use).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it a name, a brand or a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished">N&amp;otizen:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>New Gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Road bike, Race shoes …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GearModel</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance before: {distance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation type="unfinished">Trainings</translation>
    </message>
    <message>
        <source>{count} cached workout: {figures}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} cached workouts: {figures}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} linked workout is not on this computer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} linked workouts are not on this computer yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GearPane</name>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance per month of the selected gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workouts of this item are on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put &amp;Back Into Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show re&amp;tired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to SportTracks to change your gear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your gear has not been read from SportTracks yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} linked workout is not on this computer yet, so its distance and time are not counted (Workouts &gt; Load Full History).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} linked workout not on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} linked workouts are not on this computer yet, so their distance and time are not counted (Workouts &gt; Load Full History).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} linked workouts not on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} retired item hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} retired items hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{distance} before its first workout here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: distance per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{workouts}, {distance}, {hours} h moving, {climb} climbed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GearPicker</name>
    <message>
        <source>(gear not loaded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the gear of this workout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gear:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No gear in your account yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to SportTracks to change the gear of a workout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <comment>no gear linked to the workout</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gear} — retired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandsFree</name>
    <message>
        <source>Checking new activity files</source>
        <translation>Neue Aktivitätsdateien werden geprüft</translation>
    </message>
    <message>
        <source>Checking the import log</source>
        <extracomment>Watcher polls and changes stay in order (import-log writes have LOG_KEY). From this many files on, an import shows its progress bar.</extracomment>
        <translation>Importprotokoll wird geprüft</translation>
    </message>
    <message>
        <source>Hands-free import failed: {error}</source>
        <translation>Automatischer Import fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Import cancelled: 1 file was not imported.</source>
        <translation>Import abgebrochen: 1 Datei wurde nicht importiert.</translation>
    </message>
    <message>
        <source>Import cancelled: {count} files were not imported.</source>
        <translation>Import abgebrochen: {count} Dateien wurden nicht importiert.</translation>
    </message>
    <message>
        <source>Listing the folder&apos;s files</source>
        <translation>Dateien des Ordners werden aufgelistet</translation>
    </message>
    <message>
        <source>Looking in watched folders</source>
        <translation>Überwachte Ordner werden durchsucht</translation>
    </message>
    <message>
        <source>Recording an import</source>
        <translation>Import wird protokolliert</translation>
    </message>
    <message>
        <source>Recording the cancelled import</source>
        <translation>Abgebrochener Import wird protokolliert</translation>
    </message>
    <message>
        <source>Starting the folder watcher</source>
        <translation>Ordnerüberwachung wird gestartet</translation>
    </message>
    <message>
        <source>Uploaded to SportTracks</source>
        <translation>Zu SportTracks hochgeladen</translation>
    </message>
    <message>
        <source>Watching {folder}: new activity files will be added to the upload list (the file already there was left alone).</source>
        <translation>{folder} wird überwacht: Neue Aktivitätsdateien kommen in die Hochladeliste (die Datei, die schon dort war, wurde nicht importiert).</translation>
    </message>
    <message>
        <source>Watching {folder}: new activity files will be added to the upload list ({count} files already there were left alone).</source>
        <translation>{folder} wird überwacht: Neue Aktivitätsdateien kommen in die Hochladeliste ({count} Dateien, die schon dort waren, wurden nicht importiert).</translation>
    </message>
    <message>
        <source>Watching {folder}: new activity files will be added to the upload list.</source>
        <translation>{folder} wird überwacht: Neue Aktivitätsdateien kommen in die Hochladeliste.</translation>
    </message>
    <message>
        <source>Watching {folder}: new activity files will be uploaded (the file already there was left alone).</source>
        <translation>{folder} wird überwacht: Neue Aktivitätsdateien werden hochgeladen (die Datei, die schon dort war, wurde nicht importiert).</translation>
    </message>
    <message>
        <source>Watching {folder}: new activity files will be uploaded ({count} files already there were left alone).</source>
        <translation>{folder} wird überwacht: Neue Aktivitätsdateien werden hochgeladen ({count} Dateien, die schon dort waren, wurden nicht importiert).</translation>
    </message>
    <message>
        <source>Watching {folder}: new activity files will be uploaded.</source>
        <translation>{folder} wird überwacht: Neue Aktivitätsdateien werden hochgeladen.</translation>
    </message>
    <message>
        <source>{file} ({origin}) was not read: {reason}</source>
        <translation>{file} ({origin}) wurde nicht gelesen: {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryLoader</name>
    <message>
        <source>%v / %m pages</source>
        <translation>%v / %m Seiten</translation>
    </message>
    <message>
        <source>All {count} workouts are loaded.</source>
        <translation>Alle {count} Trainings sind geladen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel loading the history</source>
        <translation>Laden des Verlaufs abbrechen</translation>
    </message>
    <message>
        <source>Could not load the full history: {error}</source>
        <translation>Der gesamte Verlauf konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Could not refresh the workouts: {error}</source>
        <translation>Die Trainings konnten nicht aktualisiert werden: {error}</translation>
    </message>
    <message>
        <source>Loading the full history</source>
        <translation>Gesamter Verlauf wird geladen</translation>
    </message>
    <message>
        <source>Refreshing workouts</source>
        <translation>Trainings werden aktualisiert</translation>
    </message>
    <message>
        <source>Stop after this page (what was read so far is kept)</source>
        <translation>Nach dieser Seite anhalten (was bisher gelesen wurde, bleibt erhalten)</translation>
    </message>
    <message>
        <source>Stopped loading the history; the workouts read so far are kept.</source>
        <translation>Laden des Verlaufs angehalten; die bisher gelesenen Trainings bleiben erhalten.</translation>
    </message>
    <message>
        <source>The only workout is loaded.</source>
        <translation>Das einzige Training ist geladen.</translation>
    </message>
    <message>
        <source>{changed} new or changed, {removed} removed.</source>
        <translation>{changed} neu oder geändert, {removed} entfernt.</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import paused: {done} of {total} files</source>
        <translation>Import angehalten: {done} von {total} Dateien</translation>
    </message>
    <message>
        <source>Importing: {done} of {total}</source>
        <translation>Import: {done} von {total}</translation>
    </message>
    <message>
        <source>Importing: {done} of {total} files</source>
        <translation>Import läuft: {done} von {total} Dateien</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Paused: {done} of {total}</source>
        <translation>Angehalten: {done} von {total}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Stop importing; the files not imported stay where they are</source>
        <translation>Import beenden; nicht importierte Dateien bleiben, wo sie sind</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language shows when st-desktop is started again.</source>
        <translation>Eine neue Sprache erscheint beim nächsten Start von st-desktop.</translation>
    </message>
    <message>
        <source>Language</source>
        <extracomment>Each language&apos;s name in that language (a user looking for their own reads it there).</extracomment>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>LapsView</name>
    <message>
        <source>Avg HR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max HR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pauses recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <extracomment>The columns&apos; titles (translated where shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <extracomment>What a lap&apos;s type (lower-cased, from the file or the service) reads as.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at {at} for {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} pause, {time} in all: {pauses}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} pauses, {time} in all: {pauses}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;About {app}</source>
        <translation>Ü&amp;ber {app}</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <extracomment>(key, title, shortcut) of the views added after Workouts (Ctrl+1). The titles are translated where the views are added (beside &quot;&amp;Workouts&quot;, in the View menu).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Imperial (mi, ft)</source>
        <translation>&amp;Imperial (mi, ft)</translation>
    </message>
    <message>
        <source>&amp;Metric (km, m)</source>
        <translation>&amp;Metrisch (km, m)</translation>
    </message>
    <message>
        <source>&amp;Open Files…</source>
        <translation>Dateien ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <extracomment>What is installed on each window (a second install replaces the first).</extracomment>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>&amp;Switch Account…</source>
        <translation>Konto &amp;wechseln…</translation>
    </message>
    <message>
        <source>&amp;Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload Pane</source>
        <translation>&amp;Hochladeliste</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Workouts</source>
        <extracomment>The files File &gt; Open offers (the names are translated where the dialog is opened).</extracomment>
        <translation>&amp;Trainings</translation>
    </message>
    <message>
        <source>Activity files ({patterns})</source>
        <translation>Aktivitätsdateien ({patterns})</translation>
    </message>
    <message>
        <source>Add FIT, TCX or GPX files to the upload pane</source>
        <translation>FIT-, TCX- oder GPX-Dateien zur Hochladeliste hinzufügen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connect to SportTracks</source>
        <translation>Mit SportTracks verbinden</translation>
    </message>
    <message>
        <source>Fetch what is new in your SportTracks account</source>
        <translation>Neues aus Ihrem SportTracks-Konto abrufen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Open activity files</source>
        <translation>Aktivitätsdateien öffnen</translation>
    </message>
    <message>
        <source>SANDBOX (not your SportTracks account) — {app}</source>
        <translation>SANDBOX (nicht Ihr SportTracks-Konto) — {app}</translation>
    </message>
    <message>
        <source>SANDBOX: local demo server</source>
        <translation>SANDBOX: lokaler Demo-Server</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
</context>
<context>
    <name>MapPreferencesPage</name>
    <message>
        <source>&amp;Credit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OpenStreetMap (standard map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Cac&amp;he</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing the map tile cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit &amp;link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the credit this tile server asks for; it is shown on every map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <extracomment>The method a pane offers to take a map under its route.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps you looked at stay here, so they show offline; the least recently used go first when the space is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most space for map tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now {size} MB in {count} tiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox mode: the maps show the sandbox&apos;s own generated tiles; the server chosen here is used when st-desktop runs against SportTracks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit link must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{z}, {x} and {y} stand for the tile; {r} for “@2x” where the server has sharper tiles for high-resolution screens. Use a server whose terms allow it, and the credit its licence asks for: it is shown on every map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>© Example contributors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <source>Downloading map tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading map tiles</source>
        <extracomment>Decoded tiles kept in memory (a 256 px tile is 256 KB decoded, a 512 px one 1 MB). A tile that could not be had is asked for again after this many seconds. Failed tiles remembered before the old ones are forgotten (a long offline session).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricDialog</name>
    <message>
        <source>&amp;Body fat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resting heart rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <extracomment>The same, as a form row&apos;s label with its accelerator.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Body Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body fat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resting heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <extracomment>The metrics&apos; names as shown (translated where used; the domain&apos;s labels are English).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricPointsModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsChart</name>
    <message>
        <source>Body metrics chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: {values}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No body metrics yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No values in this span</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsPane</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished">&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Span:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body metric values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished">Löschen</translation>
    </message>
    <message>
        <source>Delete the {what} of {value} from {day}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: {values}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No body metrics yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to SportTracks to change your body metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body fat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resting heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <extracomment>A metric&apos;s name inside a sentence (&quot;Delete the weight of 72.5 kg ...&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewWorkoutDialog</name>
    <message>
        <source>&amp;Distance:</source>
        <translation>Di&amp;stanz:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>Sport&amp;art:</translation>
    </message>
    <message>
        <source>1:02:45, 45:00 or 90 min</source>
        <translation>1:02:45, 45:00 oder 90 min</translation>
    </message>
    <message>
        <source>5 km, 3.1 mi or 800 m (plain numbers: {unit})</source>
        <translation>5 km, 3,1 mi oder 800 m (reine Zahlen: {unit})</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>New Workout</source>
        <translation>Neues Training</translation>
    </message>
    <message>
        <source>Start date and time</source>
        <translation>Datum und Uhrzeit des Beginns</translation>
    </message>
    <message>
        <source>The duration must be longer than zero.</source>
        <translation>Die Dauer muss länger als null sein.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <extracomment>How much of the error colour tints an error notice&apos;s background (of 1).</extracomment>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>NoticeLine</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the details of the status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewFormat</name>
    <message>
        <source>Climb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <extracomment>The metrics&apos; names, in English: :func:`metric_title` gives them translated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {week}, {year} · {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation type="unfinished">Trainings</translation>
    </message>
    <message>
        <source>{count} workout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} workouts</source>
        <translation type="unfinished">{count} Trainings</translation>
    </message>
</context>
<context>
    <name>OverviewHub</name>
    <message>
        <source>Added “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding up your workouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the gear of the workout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed the gear of {count} workouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add the gear item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add up the cached workouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask SportTracks how many workouts the account has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load your body metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load your gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the body metrics saved on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the cached workouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the gear saved on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the body metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the workouts in your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your body metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put “{name}” back into use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading cached workouts</source>
        <translation type="unfinished">Gespeicherte Trainings werden gelesen</translation>
    </message>
    <message>
        <source>Reading your body metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your gear</source>
        <extracomment>Seconds between two questions to the service about how many workouts the account has.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving body metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving gear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to SportTracks to do this.</source>
        <translation type="unfinished">Melden Sie sich dazu bei SportTracks an.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>&amp;Imperial (mi, ft)</source>
        <translation type="unfinished">&amp;Imperial (mi, ft)</translation>
    </message>
    <message>
        <source>&amp;Keep watching in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metric (km, m)</source>
        <translation type="unfinished">&amp;Metrisch (km, m)</translation>
    </message>
    <message>
        <source>&amp;Pause automatic upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished">&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Start in the tray when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch folders and devices for new activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also import the files that were in the folder before it was watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Existing Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for &amp;watches plugged in over USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only add to the upload list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a &amp;notification when activities are uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop shows no tray icons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished">Einheiten</translation>
    </message>
    <message>
        <source>Upload automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a folder for new activity files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a file &amp;appears:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}  (only add to the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}  (upload automatically)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyZonesPage</name>
    <message>
        <source>&amp;Add Zone</source>
        <translation>Zone &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>The table&apos;s columns (translated where they are shown).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Positions within these places at the start and the end of a ride are removed before it is uploaded (time, distance and heart rate stay). The preview shows the zones and what is hidden.</source>
        <translation>Positionen innerhalb dieser Orte am Anfang und am Ende einer Fahrt werden vor dem Hochladen entfernt (Zeit, Distanz und Herzfrequenz bleiben erhalten). Die Vorschau zeigt die Zonen und was verborgen wird.</translation>
    </message>
    <message>
        <source>Privacy zones</source>
        <translation>Privatsphäre-Zonen</translation>
    </message>
    <message>
        <source>Radius (m)</source>
        <translation>Radius (m)</translation>
    </message>
    <message>
        <source>Zone {number}</source>
        <translation>Zone {number}</translation>
    </message>
</context>
<context>
    <name>SearchStatus</name>
    <message>
        <source>1 workout</source>
        <translation>1 Training</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the search and the filters</source>
        <translation>Suche und Filter zurücksetzen</translation>
    </message>
    <message>
        <source>No workouts match the filters.</source>
        <translation>Keine Trainings entsprechen den Filtern.</translation>
    </message>
    <message>
        <source>No workouts match “{search}”.</source>
        <translation>Keine Trainings passen zu „{search}“.</translation>
    </message>
    <message>
        <source>{count} workouts</source>
        <translation>{count} Trainings</translation>
    </message>
    <message>
        <source>{matching} of {total}</source>
        <translation>{matching} von {total}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Address the browser ended on</source>
        <translation>Adresse, bei der der Browser angekommen ist</translation>
    </message>
    <message>
        <source>Advanced: application credentials</source>
        <translation>Erweitert: Zugangsdaten der Anwendung</translation>
    </message>
    <message>
        <source>Checking the pasted address…</source>
        <translation>Eingefügte Adresse wird geprüft…</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Token wird geprüft…</translation>
    </message>
    <message>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>If the browser can&apos;t come back to st-desktop</source>
        <translation>Falls der Browser nicht zu st-desktop zurückkehren kann</translation>
    </message>
    <message>
        <source>Only needed for a build of st-desktop without SportTracks&apos; registration, or for another SportTracks service. The secret is kept in your system&apos;s keyring.</source>
        <translation>Nur nötig für eine Ausgabe von st-desktop ohne Registrierung bei SportTracks oder für einen anderen SportTracks-Dienst. Das Geheimnis wird im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <source>Open this address in your browser to sign in:
{url}</source>
        <translation>Öffnen Sie diese Adresse in Ihrem Browser, um sich anzumelden:
{url}</translation>
    </message>
    <message>
        <source>Or paste an access token:</source>
        <translation>Oder fügen Sie ein Zugriffstoken ein:</translation>
    </message>
    <message>
        <source>Paste an access token first.</source>
        <translation>Fügen Sie zuerst ein Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>Paste the address the browser ended on (or the code it shows):</source>
        <translation>Fügen Sie die Adresse ein, bei der der Browser angekommen ist (oder den Code, den er zeigt):</translation>
    </message>
    <message>
        <source>Paste the address the browser ended on, or the code it shows.</source>
        <translation>Fügen Sie die Adresse ein, bei der der Browser angekommen ist, oder den Code, den er zeigt.</translation>
    </message>
    <message>
        <source>Sign In with Browser</source>
        <translation>Im Browser anmelden</translation>
    </message>
    <message>
        <source>Sign in to SportTracks</source>
        <translation>Bei SportTracks anmelden</translation>
    </message>
    <message>
        <source>Signed in; loading your account…</source>
        <translation>Angemeldet; Ihr Konto wird geladen…</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>This copy of st-desktop has no SportTracks registration: enter the client id and secret under Advanced (SportTracks gives them to registered applications).</source>
        <translation>Diese Ausgabe von st-desktop ist nicht bei SportTracks registriert: Geben Sie unter „Erweitert“ die Client-ID und das Geheimnis ein (SportTracks vergibt sie an registrierte Anwendungen).</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Use Token</source>
        <translation>Token verwenden</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>Warten auf den Browser</translation>
    </message>
    <message>
        <source>Waiting for you to approve st-desktop in the browser…</source>
        <translation>Bitte erlauben Sie st-desktop den Zugriff im Browser…</translation>
    </message>
    <message>
        <source>st-desktop opens SportTracks in your web browser. Sign in there and approve st-desktop; then come back here. Your password never passes through this app.</source>
        <translation>st-desktop öffnet SportTracks in Ihrem Webbrowser. Melden Sie sich dort an, erlauben Sie st-desktop den Zugriff und kehren Sie dann hierher zurück. Ihr Passwort kommt nie durch diese App.</translation>
    </message>
</context>
<context>
    <name>TaskIndicator</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <source>Stop the background tasks (uploads stay queued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{task} (+{count} more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>Climb ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance ({unit})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Energy (kcal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving time (h:mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <extracomment>The period&apos;s first day (a :class:`datetime.date`) on every cell of a period row. The sport category on the cells of a sport row (&quot;&quot; on a period row). What a figure cell shows when there is nothing to add up.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation type="unfinished">Trainings</translation>
    </message>
</context>
<context>
    <name>TotalsPane</name>
    <message>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This month so far:&lt;/b&gt; {figures}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This week so far:&lt;/b&gt; {figures}.</source>
        <extracomment>Bars the chart shows per grouping. Previous periods averaged for the reference line and the summary. Per period: how the summary&apos;s sentences start, compare and average (translated where used; whole sentences, for languages whose words for &quot;this&quot; and &quot;last&quot; follow the noun&apos;s gender).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This year so far:&lt;/b&gt; {figures}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the previous {count} months: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the previous {count} weeks: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average of the previous {count} years: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure in the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group totals by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workouts are on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous month: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous week: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous year: {figure}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg</source>
        <comment>the average, beside its line in a bar chart</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>climb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distance</source>
        <extracomment>A metric&apos;s name inside a sentence (&quot;12 % more distance than ...&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{metric} per month · {sport}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{metric} per week · {sport}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{metric} per year · {sport}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % less {what} than at this point last month ({figure}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % less {what} than at this point last week ({figure}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % less {what} than at this point last year ({figure}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % more {what} than at this point last month ({figure}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % more {what} than at this point last week ({figure}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % more {what} than at this point last year ({figure}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Trash</name>
    <message>
        <source>Could not delete: {error}</source>
        <translation>Löschen fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Could not restore: {error}</source>
        <translation>Wiederherstellen fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete workout</source>
        <extracomment>Deletes and restores of one account go one after the other (Undo waits for its Delete).</extracomment>
        <translation>Training löschen</translation>
    </message>
    <message>
        <source>Delete workouts</source>
        <translation>Trainings löschen</translation>
    </message>
    <message>
        <source>Delete {count} workouts from your SportTracks account?

Copies are kept on this computer: Undo creates them again (with new ids).</source>
        <translation>{count} Trainings aus Ihrem SportTracks-Konto löschen?

Kopien bleiben auf diesem Computer: „Rückgängig“ legt sie wieder an (mit neuen IDs).</translation>
    </message>
    <message>
        <source>Delete “{name}” from your SportTracks account?

A copy is kept on this computer: Undo creates it again (with a new id).</source>
        <translation>„{name}“ aus Ihrem SportTracks-Konto löschen?

Eine Kopie bleibt auf diesem Computer: „Rückgängig“ legt das Training wieder an (mit einer neuen ID).</translation>
    </message>
    <message>
        <source>Deleted {count} workouts.</source>
        <translation>{count} Trainings gelöscht.</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>„{name}“ gelöscht.</translation>
    </message>
    <message>
        <source>Deleting workouts</source>
        <translation>Trainings werden gelöscht</translation>
    </message>
    <message>
        <source>Restored {count} workouts; SportTracks gave them new ids.</source>
        <translation>{count} Trainings wiederhergestellt; SportTracks hat ihnen neue IDs gegeben.</translation>
    </message>
    <message>
        <source>Restored “{name}”; SportTracks gave it a new id ({old} → {new}).</source>
        <translation>„{name}“ wiederhergestellt; SportTracks hat ihm eine neue ID gegeben ({old} → {new}).</translation>
    </message>
    <message>
        <source>Restoring workouts</source>
        <translation>Trainings werden wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>&amp;Open {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Automatic Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished">&amp;Beenden</translation>
    </message>
    <message>
        <source>Automatic upload paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is still running in the tray and uploads new activities as they appear. Choose Quit in this icon&apos;s menu to stop it; Preferences can turn this off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: new files wait until SportTracks can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading {count} file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading {count} files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} keeps watching</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TypePicker</name>
    <message>
        <source>Activity category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity subtype</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadBatch</name>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <extracomment>The row status of each queue state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadIntake</name>
    <message>
        <source>Checking for duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be checked for duplicates: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking into the dropped files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking into {count} dropped items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking into {count} dropped item…</source>
        <extracomment>Writes to the upload queue (edits, decisions, removals) stay in order; the upload run has its own key, so they never wait for it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {count} files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {count} file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadListModel</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving time {time}</source>
        <extracomment>The explanation drawn under the file name (the Details column&apos;s text). The explanation: the File column&apos;s second line and every cell&apos;s tooltip. The cells (and roles) each field of :class:`UploadRow` shows in; RowRole marks cells the delegate draws from the row itself (the progress bar, the second line: the explanation, or the name the workout gets).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving time: how long the timer ran, pauses left out (SportTracks&apos; Duration). Each row&apos;s tooltip gives the elapsed time too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>The :class:`~st_desktop.ui.theme.Colours` field each status is painted in. Status colours on a light palette, as names (for style sheets); prefer :func:`status_colour`, which follows the palette. The headers, in English (translated in :meth:`UploadListModel.headerData`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it started, in the local time where it was recorded</source>
        <extracomment>What a header means, where its title is short.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why a file has its status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadListView</name>
    <message>
        <source>Files to upload</source>
        <extracomment>Columns fitted to what they show, once per batch of changes (never by measuring each row). Columns that step aside, first to last, when the file name would get too little room. Room around a cell&apos;s text (pixels): the item delegate&apos;s margins on both sides. The figure columns are fitted to the rows at most this often (milliseconds). The file name keeps room for about this many average characters before columns step aside. Room around the status: the cell&apos;s margins and the progress bar&apos;s frame. The width each figure column wants (a hidden column measures 0 in Qt).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadPane</name>
    <message>
        <source>Drop FIT, TCX or GPX files, folders or .zip archives anywhere on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All {count} Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Workout {number} of {count} in Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} sent, the rest waiting for sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} may already be uploaded, for {count} reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} may already be uploaded, for {count} reasons:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadTexts</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parsing</source>
        <extracomment>What each status says, in English (:func:`status_text` translates).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{view} view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>&amp;Open a file…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Sign in to SportTracks</source>
        <translation>Bei SportTracks &amp;anmelden</translation>
    </message>
    <message>
        <source>&amp;Try the demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Connect st-desktop to your SportTracks account</source>
        <translation>st-desktop mit Ihrem SportTracks-Konto verbinden</translation>
    </message>
    <message>
        <source>Drop the FIT, TCX or GPX file from your watch here to see its route, charts and laps at once, even offline, fix it, and upload it to SportTracks.
Browse, edit and back up the workouts already in your SportTracks account.</source>
        <translation>Ziehen Sie die FIT-, TCX- oder GPX-Datei Ihrer Uhr hierher: Strecke, Diagramme und Runden erscheinen sofort, auch offline; korrigieren Sie die Datei und laden Sie sie zu SportTracks hoch.
Durchsuchen, bearbeiten und sichern Sie die Trainings, die schon in Ihrem SportTracks-Konto sind.</translation>
    </message>
    <message>
        <source>Look around with two years of made-up workouts (nothing reaches SportTracks)</source>
        <translation>Mit zwei Jahren erfundener Trainings umsehen (nichts davon gelangt zu SportTracks)</translation>
    </message>
    <message>
        <source>Preview an activity file (or drop it anywhere)</source>
        <translation>Eine Aktivitätsdatei in der Vorschau ansehen (oder sie irgendwo hier ablegen)</translation>
    </message>
    <message>
        <source>Welcome to st-desktop</source>
        <translation>Willkommen bei st-desktop</translation>
    </message>
    <message>
        <source>…or drop activity files, folders or a .zip anywhere on this window.</source>
        <translation>…oder ziehen Sie Aktivitätsdateien, Ordner oder eine .zip-Datei irgendwo auf dieses Fenster.</translation>
    </message>
</context>
<context>
    <name>WorkoutActions</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Edit Selected…</source>
        <translation>Auswahl &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;New Workout…</source>
        <translation>&amp;Neues Training…</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Undo Edit</source>
        <translation>Bearbeiten &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Change type, privacy or notes of the selected workouts at once</source>
        <translation>Sportart, Sichtbarkeit oder Notizen der ausgewählten Trainings auf einmal ändern</translation>
    </message>
    <message>
        <source>Delete the selected workouts (Undo restores them)</source>
        <translation>Die ausgewählten Trainings löschen („Rückgängig“ stellt sie wieder her)</translation>
    </message>
    <message>
        <source>Download the list of all your workouts</source>
        <translation>Die Liste all Ihrer Trainings herunterladen</translation>
    </message>
    <message>
        <source>Enter a workout by hand</source>
        <translation>Ein Training von Hand eingeben</translation>
    </message>
    <message>
        <source>Fetch what is new in your account</source>
        <translation>Neues aus Ihrem Konto abrufen</translation>
    </message>
    <message>
        <source>Load Full History</source>
        <translation>Gesamten Verlauf laden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Undo the most recent delete or edit</source>
        <translation>Das letzte Löschen oder Bearbeiten rückgängig machen</translation>
    </message>
</context>
<context>
    <name>WorkoutBrowser</name>
    <message>
        <source>Added 1 workout.</source>
        <translation>1 Training hinzugefügt.</translation>
    </message>
    <message>
        <source>Added {count} workouts.</source>
        <translation>{count} Trainings hinzugefügt.</translation>
    </message>
    <message>
        <source>Could not create the workout: {error}</source>
        <translation>Das Training konnte nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <source>Could not load the new workouts: {error}</source>
        <translation>Die neuen Trainings konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Counting cached workouts</source>
        <translation>Gespeicherte Trainings werden gezählt</translation>
    </message>
    <message>
        <source>Created “{name}”.</source>
        <translation>„{name}“ angelegt.</translation>
    </message>
    <message>
        <source>Creating the workout</source>
        <translation>Training wird angelegt</translation>
    </message>
    <message>
        <source>Loading new workouts</source>
        <translation>Neue Trainings werden geladen</translation>
    </message>
    <message>
        <source>Reading cached workouts</source>
        <translation>Gespeicherte Trainings werden gelesen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign in to SportTracks to do this.</source>
        <translation>Melden Sie sich dazu bei SportTracks an.</translation>
    </message>
    <message>
        <source>The search was cleared to show the workout.</source>
        <translation>Die Suche wurde geleert, um das Training zu zeigen.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
</context>
<context>
    <name>WorkoutLocator</name>
    <message>
        <source>Could not show the workout: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That workout is not in the workout table any more: it may have been deleted. Refresh (F5) to bring the table up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table&apos;s filters were cleared to show the workout.</source>
        <extracomment>Pages read at most while looking (a sort by name may put the workout far down). How often, and how many times, to look again while the table is reading.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkoutTable</name>
    <message>
        <source>Workouts</source>
        <extracomment>The widest text a column usually shows, for its default width (the header may be wider). Room for the cell margins and the header&apos;s sort arrow (pixels).</extracomment>
        <translation>Trainings</translation>
    </message>
</context>
<context>
    <name>WorkoutTableModel</name>
    <message>
        <source>A workout without a name shows, in grey italics, the name it would get from its start and type (“Morning Ride”)</source>
        <extracomment>The translation context of the table&apos;s texts (the model&apos;s, where the headers are asked for). Column -&gt; sort key of :class:`~st_desktop.store.cache.WorkoutQuery`. Data role giving the native value a column sorts by (datetime, float, str or None). Data role giving the row&apos;s :class:`~st_desktop.domain.workout.WorkoutSummary`. Roles :func:`extra_data` answers (the model passes them on): a suggested name&apos;s look, and tooltips. Every role a cell answers: the model&apos;s own and :data:`EXTRA_ROLES`. Elapsed time is mentioned beside the moving time when longer by more than this (seconds). What a header means, where its title is short (translated by :func:`header_tooltip`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting cached workouts</source>
        <translation>Gespeicherte Trainings werden gezählt</translation>
    </message>
    <message>
        <source>Moving time: how long the timer ran, pauses left out (SportTracks&apos; Duration). Each row&apos;s tooltip gives the elapsed time too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading cached workouts</source>
        <extracomment>Rows kept in memory at most (about 1 kB each); windows far from the view are dropped.</extracomment>
        <translation>Gespeicherte Trainings werden gelesen</translation>
    </message>
</context>
<context>
    <name>YearHeatMap</name>
    <message>
        <source>Less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year heat map</source>
        <extracomment>Upper bounds of the shading levels, in hours of moving time per day.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}: workouts on {count} day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}: workouts on {count} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Staged</name>
    <message>
        <source>Loading the rest of the app</source>
        <extracomment>The later steps start at the latest this long after the first paint, busy or not (ms).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>st-desktop ran into an unexpected problem and could not finish what it was doing ({error}). Your data is safe; details are in the log.</source>
        <translation>st-desktop ist auf ein unerwartetes Problem gestoßen und konnte nicht zu Ende führen, was es gerade tat ({error}). Ihre Daten sind sicher; Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
</TS>
