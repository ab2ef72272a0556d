<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;System (follow the desktop)</source>
        <extracomment>The choices, as the page offers them: text, value, object name of the radio button.</extracomment>
        <translation>&amp;System (dem Desktop folgen)</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>System follows the light or dark setting of your desktop, also when it changes while st-desktop runs. Charts, routes and maps follow too.</source>
        <translation>„System“ folgt der hellen oder dunklen Einstellung Ihres Desktops, auch wenn sie sich ändert, während st-desktop läuft. Diagramme, Strecken und Karten folgen ebenfalls.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Checking the workout cache</source>
        <extracomment>When the full check of the workout cache runs, after the start.</extracomment>
        <translation>Gespeicherte Trainings werden geprüft</translation>
    </message>
    <message>
        <source>Loading the editor and the upload pane</source>
        <extracomment>The status bar while the editor and the upload pane load, just after the start.</extracomment>
        <translation>Editor und Hochladeliste werden geladen</translation>
    </message>
    <message>
        <source>Preparing the time zone lookup</source>
        <extracomment>Loaded on a worker once the window is up (see :func:`install_later_parts`).</extracomment>
        <translation>Zeitzonen-Suche wird vorbereitet</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in to SportTracks to see and edit your workouts; files you drop are read and kept here until then.</source>
        <translation>Sie sind nicht angemeldet. Melden Sie sich bei SportTracks an, um Ihre Trainings zu sehen und zu bearbeiten; Dateien, die Sie ablegen, werden gelesen und bis dahin hier aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Noch nichts anzuzeigen.</translation>
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
        <translation>A&amp;usrüstung der Auswahl…</translation>
    </message>
    <message>
        <source>Link the selected workouts to your bikes and shoes</source>
        <translation>Die ausgewählten Trainings mit Ihren Rädern und Schuhen verknüpfen</translation>
    </message>
    <message>
        <source>Select one or more workouts in the table first.</source>
        <translation>Wählen Sie zuerst ein oder mehrere Trainings in der Tabelle aus.</translation>
    </message>
    <message>
        <source>Sign in to SportTracks to do this.</source>
        <translation>Melden Sie sich dazu bei SportTracks an.</translation>
    </message>
</context>
<context>
    <name>CalendarDelegate</name>
    <message>
        <source>+ {count} more</source>
        <translation>+ {count} weitere</translation>
    </message>
    <message>
        <source>Click to show it in the workout table</source>
        <translation>Klicken, um es in der Trainingstabelle zu zeigen</translation>
    </message>
    <message>
        <source>{hours} h moving</source>
        <translation>{hours} h in Bewegung</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <source>No workouts this week</source>
        <translation>Keine Trainings in dieser Woche</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>W{week}</source>
        <comment>a week&apos;s number, beside its row</comment>
        <translation>KW{week}</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>&amp;Year heat map</source>
        <translation>&amp;Jahresübersicht</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Enter or double-click shows the workout in the table.</source>
        <translation>Eingabetaste oder Doppelklick zeigt das Training in der Tabelle.</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>Nächstes Jahr</translation>
    </message>
    <message>
        <source>No workouts</source>
        <translation>Keine Trainings</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Bild ab</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Bild auf</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Vorheriges Jahr</translation>
    </message>
    <message>
        <source>Shift+Page Down</source>
        <translation>Umschalt+Bild ab</translation>
    </message>
    <message>
        <source>Shift+Page Up</source>
        <translation>Umschalt+Bild auf</translation>
    </message>
    <message>
        <source>Workouts of the chosen day</source>
        <translation>Trainings des gewählten Tages</translation>
    </message>
    <message>
        <source>{type}
Enter shows it in the workout table</source>
        <translation>{type}
Die Eingabetaste zeigt es in der Trainingstabelle</translation>
    </message>
</context>
<context>
    <name>ChartSeries</name>
    <message>
        <source>Cadence (rpm)</source>
        <translation>Trittfrequenz (rpm)</translation>
    </message>
    <message>
        <source>Elevation ({unit})</source>
        <extracomment>key, title, values, colour (a series of :class:`~st_desktop.ui.theme.Colours`, light or dark as the palette is), crosshair text, inverted y, filled, y tick labels (None: numbers) Paces slower than this (seconds per km or mile) are standing still, not shown.</extracomment>
        <translation>Höhe ({unit})</translation>
    </message>
    <message>
        <source>Heart rate (bpm)</source>
        <translation>Herzfrequenz (bpm)</translation>
    </message>
    <message>
        <source>Pace (min/{unit})</source>
        <translation>Pace (min/{unit})</translation>
    </message>
    <message>
        <source>Power (W)</source>
        <translation>Leistung (W)</translation>
    </message>
    <message>
        <source>Speed ({unit})</source>
        <translation>Geschwindigkeit ({unit})</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Charts</source>
        <extracomment>The charts, top to bottom (speed or pace share a row).</extracomment>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>No samples to chart.</source>
        <translation>Keine Messwerte für Diagramme.</translation>
    </message>
    <message>
        <source>Select a workout to see its charts.</source>
        <translation>Wählen Sie ein Training, um seine Diagramme zu sehen.</translation>
    </message>
    <message>
        <source>This workout has no samples to chart.</source>
        <translation>Dieses Training hat keine Messwerte für Diagramme.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>X axis:</source>
        <translation>X-Achse:</translation>
    </message>
    <message>
        <source>{days} d</source>
        <extracomment>A tick label of a time axis in whole days (&quot;50 d&quot;).</extracomment>
        <translation>{days} T</translation>
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
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Privacy:</source>
        <translation>&amp;Sichtbarkeit:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>Sport&amp;art:</translation>
    </message>
    <message>
        <source>Changed on SportTracks</source>
        <translation>In SportTracks geändert</translation>
    </message>
    <message>
        <source>Charts &amp;&amp; route</source>
        <translation>Diagramme &amp;&amp; Strecke</translation>
    </message>
    <message>
        <source>Could not load the workout: {error}</source>
        <translation>Das Training konnte nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Could not save the workout: {error}</source>
        <translation>Das Training konnte nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Discard your changes to “{name}”?</source>
        <translation>Ihre Änderungen an „{name}“ verwerfen?</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Freunde</translation>
    </message>
    <message>
        <source>Keeping the workout for offline use</source>
        <translation>Training wird für die Offline-Nutzung gespeichert</translation>
    </message>
    <message>
        <source>Laps &amp;&amp; pauses</source>
        <translation>Runden &amp;&amp; Pausen</translation>
    </message>
    <message>
        <source>Loading the workout</source>
        <translation>Training wird geladen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Not saved: the workout changed on SportTracks. Revert shows that version.</source>
        <translation>Nicht gespeichert: Das Training wurde in SportTracks geändert. „Zurücksetzen“ zeigt diese Fassung.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Offline: showing the copy on this computer; it can&apos;t be saved.</source>
        <translation>Offline: Die Kopie auf diesem Computer wird gezeigt; sie kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saving the workout</source>
        <translation>Training wird gespeichert</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Select a workout to see its charts, route and laps.</source>
        <translation>Wählen Sie ein Training aus, um seine Diagramme, Strecke und Runden zu sehen.</translation>
    </message>
    <message>
        <source>This workout was changed on SportTracks since you opened it.

Save your changes over that version? (Only the fields you edited are replaced.)</source>
        <translation>Dieses Training wurde in SportTracks geändert, seit Sie es geöffnet haben.

Ihre Änderungen über diese Fassung speichern? (Nur die Felder, die Sie bearbeitet haben, werden ersetzt.)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Unsaved changes (sign in to save).</source>
        <translation>Ungespeicherte Änderungen (zum Speichern anmelden).</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Workout name</source>
        <translation>Name des Trainings</translation>
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
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <source>Add new activities to the list only</source>
        <translation>Neue Aktivitäten nur zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>Ask again the next time it is plugged in</source>
        <translation>Beim nächsten Anschließen wieder fragen</translation>
    </message>
    <message>
        <source>Devices seen before</source>
        <translation>Bisher gesehene Geräte</translation>
    </message>
    <message>
        <source>Ignore this device</source>
        <translation>Dieses Gerät ignorieren</translation>
    </message>
    <message>
        <source>Import Whole &amp;History</source>
        <translation>&amp;Gesamten Verlauf importieren</translation>
    </message>
    <message>
        <source>Import every activity on the device not imported yet</source>
        <translation>Jede noch nicht importierte Aktivität auf dem Gerät importieren</translation>
    </message>
    <message>
        <source>No watch or bike computer has been plugged in yet.</source>
        <translation>Es wurde noch keine Uhr und kein Fahrradcomputer angeschlossen.</translation>
    </message>
    <message>
        <source>Plug the device in to import its whole history</source>
        <translation>Schließen Sie das Gerät an, um seinen gesamten Verlauf zu importieren</translation>
    </message>
    <message>
        <source>Upload new activities automatically</source>
        <translation>Neue Aktivitäten automatisch hochladen</translation>
    </message>
    <message>
        <source>When it is plugged &amp;in:</source>
        <translation>Wenn es &amp;angeschlossen wird:</translation>
    </message>
    <message>
        <source>add new activities to the list only</source>
        <translation>neue Aktivitäten nur zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>ignore this device</source>
        <translation>dieses Gerät ignorieren</translation>
    </message>
    <message>
        <source>upload new activities automatically</source>
        <extracomment>The same answers inside a device&apos;s line of the list.</extracomment>
        <translation>neue Aktivitäten automatisch hochladen</translation>
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
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>Bestwert</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Trittfrequenz</translation>
    </message>
    <message>
        <source>Climb</source>
        <translation>Anstieg</translation>
    </message>
    <message>
        <source>Descent</source>
        <translation>Abstieg</translation>
    </message>
    <message>
        <source>Distance</source>
        <extracomment>Summary figures: key, caption (two columns, filled row by row; translated where shown).</extracomment>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Herzfrequenz</translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation>Bewegungszeit</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>max {best} {unit}</source>
        <extracomment>Shown for a figure the workout doesn&apos;t have.</extracomment>
        <translation>max. {best} {unit}</translation>
    </message>
    <message>
        <source>{avg} avg / {best} max {unit}</source>
        <translation>Ø {avg} / max. {best} {unit}</translation>
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
    <name>FixActions</name>
    <message>
        <source>Fixing…</source>
        <translation>Wird korrigiert…</translation>
    </message>
    <message>
        <source>Merged {count} files into one workout.</source>
        <translation>{count} Dateien zu einem Training zusammengeführt.</translation>
    </message>
    <message>
        <source>Merging {count} files</source>
        <translation>{count} Dateien werden zusammengeführt</translation>
    </message>
    <message>
        <source>Moving the start of {name}</source>
        <translation>Beginn von {name} wird verschoben</translation>
    </message>
    <message>
        <source>Split into {count} workout: {names}.</source>
        <translation>In {count} Training aufgeteilt: {names}.</translation>
    </message>
    <message>
        <source>Split into {count} workouts: {names}.</source>
        <translation>In {count} Trainings aufgeteilt: {names}.</translation>
    </message>
    <message>
        <source>Splitting {name}</source>
        <translation>{name} wird aufgeteilt</translation>
    </message>
    <message>
        <source>Splitting {name} by sport</source>
        <translation>{name} wird nach Sportart aufgeteilt</translation>
    </message>
    <message>
        <source>The file was not changed: {reason}</source>
        <translation>Die Datei wurde nicht geändert: {reason}</translation>
    </message>
    <message>
        <source>Trimmed {name}.</source>
        <translation>{name} gekürzt.</translation>
    </message>
    <message>
        <source>Trimming {name}</source>
        <translation>{name} wird gekürzt</translation>
    </message>
    <message>
        <source>Unexpected error ({error}); details are in the log.</source>
        <translation>Unerwarteter Fehler ({error}); Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>{name} now starts {when}.</source>
        <translation>{name} beginnt jetzt am {when}.</translation>
    </message>
</context>
<context>
    <name>FixBar</name>
    <message>
        <source>Cut the file into separate workouts: at long gaps, where a new day starts, or per sport of a multi-sport recording.</source>
        <translation>Die Datei in einzelne Trainings aufteilen: an langen Lücken, wo ein neuer Tag beginnt, oder je Sportart einer Multisport-Aufzeichnung.</translation>
    </message>
    <message>
        <source>Drag across the charts with the Shift key held to select the part to keep.</source>
        <translation>Ziehen Sie bei gedrückter Umschalttaste über die Diagramme, um den Teil auszuwählen, der bleiben soll.</translation>
    </message>
    <message>
        <source>Keep only {begin} to {end} after the start; the rest is cut.</source>
        <translation>Nur {begin} bis {end} nach dem Beginn behalten; der Rest wird abgeschnitten.</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>Au&amp;fteilen…</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>T&amp;rim to Selection</source>
        <translation>Auf Auswahl &amp;kürzen</translation>
    </message>
    <message>
        <source>When the recording started, in the time zone where it was recorded. Change it to move every sample; it applies when you leave the field or press Enter.</source>
        <translation>Wann die Aufzeichnung begann, in der Zeitzone, in der sie aufgezeichnet wurde. Ändern Sie die Zeit, um alle Messwerte zu verschieben; die Änderung gilt, sobald Sie das Feld verlassen oder die Eingabetaste drücken.</translation>
    </message>
    <message>
        <source>as the device recorded it</source>
        <translation>wie vom Gerät aufgezeichnet</translation>
    </message>
    <message>
        <source>from the first GPS position</source>
        <extracomment>Where the ride&apos;s zone came from, for the label beside the start.</extracomment>
        <translation>aus der ersten GPS-Position</translation>
    </message>
    <message>
        <source>this computer&apos;s zone: the file says none</source>
        <translation>Zeitzone dieses Computers: Die Datei nennt keine</translation>
    </message>
</context>
<context>
    <name>FullTrackLoader</name>
    <message>
        <source>Reading the file for its charts</source>
        <translation>Datei wird für ihre Diagramme gelesen</translation>
    </message>
    <message>
        <source>The file gives no samples to chart.</source>
        <translation>Die Datei enthält keine Messwerte für Diagramme.</translation>
    </message>
    <message>
        <source>The file is no longer in the upload list.</source>
        <translation>Die Datei ist nicht mehr in der Hochladeliste.</translation>
    </message>
    <message>
        <source>Unexpected error ({error}); details are in the log.</source>
        <translation>Unerwarteter Fehler ({error}); Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>GearAssignDialog</name>
    <message>
        <source>Check the gear used in the selected workout.</source>
        <translation>Kreuzen Sie die Ausrüstung an, die im ausgewählten Training benutzt wurde.</translation>
    </message>
    <message>
        <source>Check the gear used in the {count} selected workouts; a half-checked item is used in some of them and stays as it is unless you change it.</source>
        <translation>Kreuzen Sie die Ausrüstung an, die in den {count} ausgewählten Trainings benutzt wurde; ein halb angekreuzter Eintrag wird in einigen davon benutzt und bleibt so, solange Sie ihn nicht ändern.</translation>
    </message>
    <message>
        <source>Gear items</source>
        <translation>Ausrüstungsgegenstände</translation>
    </message>
    <message>
        <source>Gear of the Selected Workouts</source>
        <translation>Ausrüstung der ausgewählten Trainings</translation>
    </message>
</context>
<context>
    <name>GearDialog</name>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marke:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>M&amp;odell:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Retired (kept for its history, offered no more)</source>
        <translation>A&amp;usgemustert (bleibt für den Verlauf, wird nicht mehr angeboten)</translation>
    </message>
    <message>
        <source>Bike</source>
        <extracomment>Kinds offered (the service keeps any text; these are the ones people use).</extracomment>
        <translation>Fahrrad</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>„{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Give it a name, a brand or a model.</source>
        <translation>Geben Sie einen Namen, eine Marke oder ein Modell an.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>No&amp;tizen:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>New Gear</source>
        <translation>Neue Ausrüstung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Road bike, Race shoes …</source>
        <translation>Rennrad, Wettkampfschuhe …</translation>
    </message>
    <message>
        <source>Shoes</source>
        <translation>Schuhe</translation>
    </message>
</context>
<context>
    <name>GearModel</name>
    <message>
        <source>Active</source>
        <translation>In Gebrauch</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>Distance before: {distance}</source>
        <translation>Distanz davor: {distance}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation>Bewegungszeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>Gesamtdistanz</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Ausgemustert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <source>{count} cached workout: {figures}</source>
        <translation>{count} gespeichertes Training: {figures}</translation>
    </message>
    <message>
        <source>{count} cached workouts: {figures}</source>
        <translation>{count} gespeicherte Trainings: {figures}</translation>
    </message>
    <message>
        <source>{count} linked workout is not on this computer yet</source>
        <translation>{count} verknüpftes Training ist noch nicht auf diesem Computer</translation>
    </message>
    <message>
        <source>{count} linked workouts are not on this computer yet</source>
        <translation>{count} verknüpfte Trainings sind noch nicht auf diesem Computer</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
</context>
<context>
    <name>GearPane</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>Aus&amp;mustern</translation>
    </message>
    <message>
        <source>Distance per month</source>
        <translation>Distanz pro Monat</translation>
    </message>
    <message>
        <source>Distance per month of the selected gear</source>
        <translation>Distanz pro Monat der ausgewählten Ausrüstung</translation>
    </message>
    <message>
        <source>Gear</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>No workouts of this item are on this computer.</source>
        <translation>Von diesem Gegenstand sind keine Trainings auf diesem Computer.</translation>
    </message>
    <message>
        <source>Put &amp;Back Into Use</source>
        <translation>Wieder in &amp;Gebrauch nehmen</translation>
    </message>
    <message>
        <source>Select an item.</source>
        <translation>Wählen Sie einen Gegenstand aus.</translation>
    </message>
    <message>
        <source>Show re&amp;tired</source>
        <translation>Ausgemusterte &amp;zeigen</translation>
    </message>
    <message>
        <source>Sign in to SportTracks to change your gear.</source>
        <translation>Melden Sie sich bei SportTracks an, um Ihre Ausrüstung zu ändern.</translation>
    </message>
    <message>
        <source>Your gear has not been read from SportTracks yet.</source>
        <translation>Ihre Ausrüstung wurde noch nicht von SportTracks gelesen.</translation>
    </message>
    <message>
        <source>{count} linked workout is not on this computer yet, so its distance and time are not counted (Workouts &gt; Load Full History).</source>
        <translation>{count} verknüpftes Training ist noch nicht auf diesem Computer, seine Distanz und Zeit werden daher nicht mitgezählt (Trainings &gt; Gesamten Verlauf laden).</translation>
    </message>
    <message>
        <source>{count} linked workout not on this computer</source>
        <translation>{count} verknüpftes Training nicht auf diesem Computer</translation>
    </message>
    <message>
        <source>{count} linked workouts are not on this computer yet, so their distance and time are not counted (Workouts &gt; Load Full History).</source>
        <translation>{count} verknüpfte Trainings sind noch nicht auf diesem Computer, ihre Distanz und Zeit werden daher nicht mitgezählt (Trainings &gt; Gesamten Verlauf laden).</translation>
    </message>
    <message>
        <source>{count} linked workouts not on this computer</source>
        <translation>{count} verknüpfte Trainings nicht auf diesem Computer</translation>
    </message>
    <message>
        <source>{count} retired item hidden.</source>
        <translation>{count} ausgemusterter Gegenstand ausgeblendet.</translation>
    </message>
    <message>
        <source>{count} retired items hidden.</source>
        <translation>{count} ausgemusterte Gegenstände ausgeblendet.</translation>
    </message>
    <message>
        <source>{distance} before its first workout here</source>
        <translation>{distance} vor seinem ersten Training hier</translation>
    </message>
    <message>
        <source>{name}: distance per month</source>
        <translation>{name}: Distanz pro Monat</translation>
    </message>
    <message>
        <source>{workouts}, {distance}, {hours} h moving, {climb} climbed</source>
        <translation>{workouts}, {distance}, {hours} h in Bewegung, {climb} Anstieg</translation>
    </message>
</context>
<context>
    <name>GearPicker</name>
    <message>
        <source>(gear not loaded yet)</source>
        <translation>(Ausrüstung noch nicht geladen)</translation>
    </message>
    <message>
        <source>Chan&amp;ge</source>
        <translation>Än&amp;dern</translation>
    </message>
    <message>
        <source>Change the gear of this workout</source>
        <translation>Ausrüstung dieses Trainings ändern</translation>
    </message>
    <message>
        <source>Gear:</source>
        <translation>Ausrüstung:</translation>
    </message>
    <message>
        <source>No gear in your account yet</source>
        <translation>Noch keine Ausrüstung in Ihrem Konto</translation>
    </message>
    <message>
        <source>Sign in to SportTracks to change the gear of a workout.</source>
        <translation>Melden Sie sich bei SportTracks an, um die Ausrüstung eines Trainings zu ändern.</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no gear linked to the workout</comment>
        <translation>keine</translation>
    </message>
    <message>
        <source>{gear} — retired</source>
        <translation>{gear} — ausgemustert</translation>
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
        <translation>Ø HF</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Laps</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Max HR</source>
        <translation>Max. HF</translation>
    </message>
    <message>
        <source>No pauses recorded.</source>
        <translation>Keine Pausen aufgezeichnet.</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Pace</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Type</source>
        <extracomment>The columns&apos; titles (translated where shown).</extracomment>
        <translation>Art</translation>
    </message>
    <message>
        <source>active</source>
        <extracomment>What a lap&apos;s type (lower-cased, from the file or the service) reads as.</extracomment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>at {at} for {time}</source>
        <translation>bei {at} für {time}</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>{count} pause, {time} in all: {pauses}.</source>
        <translation>{count} Pause, {time} insgesamt: {pauses}.</translation>
    </message>
    <message>
        <source>{count} pauses, {time} in all: {pauses}.</source>
        <translation>{count} Pausen, {time} insgesamt: {pauses}.</translation>
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
        <translation>Körper&amp;werte</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <extracomment>(key, title, shortcut) of the views added after Workouts (Ctrl+1). The titles are translated where the views are added (beside &quot;&amp;Workouts&quot;, in the View menu).</extracomment>
        <translation>&amp;Kalender</translation>
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
        <translation>A&amp;usrüstung</translation>
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
        <translation>&amp;Summen</translation>
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
        <translation>&amp;Quellenangabe:</translation>
    </message>
    <message>
        <source>&amp;OpenStreetMap (standard map)</source>
        <translation>&amp;OpenStreetMap (Standardkarte)</translation>
    </message>
    <message>
        <source>Another &amp;server:</source>
        <translation>Anderer &amp;Server:</translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation>&amp;Höchstens:</translation>
    </message>
    <message>
        <source>Clear Cac&amp;he</source>
        <translation>Cache &amp;leeren</translation>
    </message>
    <message>
        <source>Clearing the map tile cache</source>
        <translation>Kartenkachel-Cache wird geleert</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message>
        <source>Credit &amp;link:</source>
        <translation>Link &amp;zur Quellenangabe:</translation>
    </message>
    <message>
        <source>Enter the credit this tile server asks for; it is shown on every map.</source>
        <translation>Geben Sie die Quellenangabe ein, die dieser Kachelserver verlangt; sie wird auf jeder Karte gezeigt.</translation>
    </message>
    <message>
        <source>Map</source>
        <extracomment>The method a pane offers to take a map under its route.</extracomment>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Maps you looked at stay here, so they show offline; the least recently used go first when the space is full.</source>
        <translation>Karten, die Sie angesehen haben, bleiben hier und erscheinen so auch offline; ist der Platz voll, werden die am längsten nicht benutzten zuerst entfernt.</translation>
    </message>
    <message>
        <source>Most space for map tiles</source>
        <translation>Höchstens belegter Speicher für Kartenkacheln</translation>
    </message>
    <message>
        <source>Now {size} MB in {count} tiles.</source>
        <translation>Derzeit {size} MB in {count} Kacheln.</translation>
    </message>
    <message>
        <source>Sandbox mode: the maps show the sandbox&apos;s own generated tiles; the server chosen here is used when st-desktop runs against SportTracks.</source>
        <translation>Sandbox-Modus: Die Karten zeigen die von der Sandbox erzeugten Kacheln; der hier gewählte Server wird benutzt, wenn st-desktop mit SportTracks läuft.</translation>
    </message>
    <message>
        <source>The credit link must start with https://.</source>
        <translation>Der Link zur Quellenangabe muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Tile &amp;URL:</source>
        <translation>Kachel-&amp;URL:</translation>
    </message>
    <message>
        <source>Tile server</source>
        <translation>Kachelserver</translation>
    </message>
    <message>
        <source>Tiles kept on this computer</source>
        <translation>Auf diesem Computer gespeicherte Kacheln</translation>
    </message>
    <message>
        <source>{z}, {x} and {y} stand for the tile; {r} for “@2x” where the server has sharper tiles for high-resolution screens. Use a server whose terms allow it, and the credit its licence asks for: it is shown on every map.</source>
        <translation>{z}, {x} und {y} stehen für die Kachel; {r} für „@2x“, wo der Server schärfere Kacheln für hochauflösende Bildschirme hat. Benutzen Sie einen Server, dessen Bedingungen das erlauben, und die Quellenangabe, die seine Lizenz verlangt: Sie wird auf jeder Karte gezeigt.</translation>
    </message>
    <message>
        <source>© Example contributors</source>
        <translation>© Beispiel-Mitwirkende</translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <source>Downloading map tiles</source>
        <translation>Kartenkacheln werden heruntergeladen</translation>
    </message>
    <message>
        <source>Reading map tiles</source>
        <extracomment>Decoded tiles kept in memory (a 256 px tile is 256 KB decoded, a 512 px one 1 MB). A tile that could not be had is asked for again after this many seconds. Failed tiles remembered before the old ones are forgotten (a long offline session). GUI time spent decoding tiles in one turn of the event loop (a 256 px PNG takes about 1 ms): a screenful read from the disk is decoded over a few turns, never in one long pause.</extracomment>
        <translation>Kartenkacheln werden gelesen</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map</source>
        <extracomment>Zoom levels per wheel notch (two notches make a level: fine steps at fractional zooms). Pixels an arrow key moves the map. Free pixels around the route when it is fitted (room for the markers). Zoom levels beyond the server&apos;s deepest that the map still allows (tiles scaled up).</extracomment>
        <translation>Karte</translation>
    </message>
    <message>
        <source>No GPS data</source>
        <translation>Keine GPS-Daten</translation>
    </message>
    <message>
        <source>No workout selected</source>
        <translation>Kein Training ausgewählt</translation>
    </message>
</context>
<context>
    <name>Merging</name>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Only recordings of one sport can be merged; these are {sports}.</source>
        <translation>Nur Aufzeichnungen einer Sportart können zusammengeführt werden; diese sind {sports}.</translation>
    </message>
    <message>
        <source>{first} and {second} are more than {count} hour apart: they are not one workout.</source>
        <translation>{first} und {second} liegen mehr als {count} Stunde auseinander: Das ist kein zusammenhängendes Training.</translation>
    </message>
    <message>
        <source>{first} and {second} are more than {count} hours apart: they are not one workout.</source>
        <translation>{first} und {second} liegen mehr als {count} Stunden auseinander: Das ist kein zusammenhängendes Training.</translation>
    </message>
    <message>
        <source>{first} and {second} overlap in time.</source>
        <translation>{first} und {second} überschneiden sich zeitlich.</translation>
    </message>
    <message>
        <source>{name} has not been read (or cannot be): it cannot be merged.</source>
        <extracomment>Rows in these states can still be changed before upload.</extracomment>
        <translation>{name} ist noch nicht gelesen (oder nicht lesbar): Die Datei kann nicht zusammengeführt werden.</translation>
    </message>
    <message>
        <source>{name} is being uploaded or was uploaded: it cannot be merged.</source>
        <translation>{name} wird gerade oder wurde bereits hochgeladen: Die Datei kann nicht zusammengeführt werden.</translation>
    </message>
</context>
<context>
    <name>MetricDialog</name>
    <message>
        <source>&amp;Body fat:</source>
        <translation>&amp;Körperfett:</translation>
    </message>
    <message>
        <source>&amp;Resting heart rate:</source>
        <translation>&amp;Ruhepuls:</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <extracomment>The same, as a form row&apos;s label with its accelerator.</extracomment>
        <translation>&amp;Gewicht:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Zeitpunkt:</translation>
    </message>
    <message>
        <source>Add Body Metrics</source>
        <translation>Körperwerte hinzufügen</translation>
    </message>
    <message>
        <source>Body fat</source>
        <translation>Körperfett</translation>
    </message>
    <message>
        <source>Change Value</source>
        <translation>Wert ändern</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Resting heart rate</source>
        <translation>Ruhepuls</translation>
    </message>
    <message>
        <source>Weight</source>
        <extracomment>The metrics&apos; names as shown (translated where used; the domain&apos;s labels are English).</extracomment>
        <translation>Gewicht</translation>
    </message>
</context>
<context>
    <name>MetricPointsModel</name>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
</context>
<context>
    <name>MetricsChart</name>
    <message>
        <source>Body metrics chart</source>
        <translation>Diagramm der Körperwerte</translation>
    </message>
    <message>
        <source>Latest: {values}</source>
        <translation>Zuletzt: {values}</translation>
    </message>
    <message>
        <source>No body metrics yet.</source>
        <translation>Noch keine Körperwerte.</translation>
    </message>
    <message>
        <source>No values in this span</source>
        <translation>Keine Werte in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>MetricsPane</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>L&amp;iste:</translation>
    </message>
    <message>
        <source>&amp;Span:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>2 years</source>
        <translation>2 Jahre</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>Added the values.</source>
        <translation>Die Werte wurden hinzugefügt.</translation>
    </message>
    <message>
        <source>Body metric values</source>
        <translation>Liste der Körperwerte</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the {what} of {value} from {day}?</source>
        <translation>{what} von {value} vom {day} löschen?</translation>
    </message>
    <message>
        <source>Delete value</source>
        <translation>Wert löschen</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Latest: {values}.</source>
        <translation>Zuletzt: {values}.</translation>
    </message>
    <message>
        <source>No body metrics yet.</source>
        <translation>Noch keine Körperwerte.</translation>
    </message>
    <message>
        <source>Sign in to SportTracks to change your body metrics.</source>
        <translation>Melden Sie sich bei SportTracks an, um Ihre Körperwerte zu ändern.</translation>
    </message>
    <message>
        <source>Span shown</source>
        <translation>Gezeigter Zeitraum</translation>
    </message>
    <message>
        <source>Values listed</source>
        <translation>Gelistete Werte</translation>
    </message>
    <message>
        <source>body fat</source>
        <translation>Körperfett</translation>
    </message>
    <message>
        <source>resting heart rate</source>
        <translation>Ruhepuls</translation>
    </message>
    <message>
        <source>weight</source>
        <extracomment>A metric&apos;s name inside a sentence (&quot;Delete the weight of 72.5 kg ...&quot;).</extracomment>
        <translation>Gewicht</translation>
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
        <translation>Details</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>Show all {count}</source>
        <translation>Alle {count} zeigen</translation>
    </message>
    <message>
        <source>Show the details of the status</source>
        <translation>Die Einzelheiten des Status zeigen</translation>
    </message>
</context>
<context>
    <name>OverviewFormat</name>
    <message>
        <source>Climb</source>
        <translation>Anstieg</translation>
    </message>
    <message>
        <source>Distance</source>
        <extracomment>The metrics&apos; names, in English: :func:`metric_title` gives them translated.</extracomment>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation>Bewegungszeit</translation>
    </message>
    <message>
        <source>Week {week}, {year} · {day}</source>
        <translation>KW {week}, {year} · {day}</translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <source>{count} workout</source>
        <translation>{count} Training</translation>
    </message>
    <message>
        <source>{count} workouts</source>
        <translation>{count} Trainings</translation>
    </message>
</context>
<context>
    <name>OverviewHub</name>
    <message>
        <source>Added “{name}”.</source>
        <translation>„{name}“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Adding gear</source>
        <translation>Ausrüstung wird hinzugefügt</translation>
    </message>
    <message>
        <source>Adding up your workouts</source>
        <translation>Ihre Trainings werden zusammengezählt</translation>
    </message>
    <message>
        <source>Changed the gear of the workout.</source>
        <translation>Die Ausrüstung des Trainings wurde geändert.</translation>
    </message>
    <message>
        <source>Changed the gear of {count} workouts.</source>
        <translation>Die Ausrüstung von {count} Trainings wurde geändert.</translation>
    </message>
    <message>
        <source>Could not add the gear item</source>
        <translation>Der Ausrüstungsgegenstand konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>Could not add up the cached workouts</source>
        <translation>Die gespeicherten Trainings konnten nicht zusammengezählt werden</translation>
    </message>
    <message>
        <source>Could not ask SportTracks how many workouts the account has</source>
        <translation>SportTracks konnte nicht gefragt werden, wie viele Trainings das Konto hat</translation>
    </message>
    <message>
        <source>Could not change the gear</source>
        <translation>Die Ausrüstung konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Could not load your body metrics</source>
        <translation>Ihre Körperwerte konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Could not load your gear</source>
        <translation>Ihre Ausrüstung konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Could not read the body metrics saved on this computer</source>
        <translation>Die auf diesem Computer gespeicherten Körperwerte konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the cached workouts</source>
        <translation>Die gespeicherten Trainings konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not read the gear saved on this computer</source>
        <translation>Die auf diesem Computer gespeicherte Ausrüstung konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Could not save the body metrics</source>
        <translation>Die Körperwerte konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Could not save “{name}”</source>
        <translation>„{name}“ konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Counting the workouts in your account</source>
        <translation>Die Trainings in Ihrem Konto werden gezählt</translation>
    </message>
    <message>
        <source>Deleted the value.</source>
        <translation>Der Wert wurde gelöscht.</translation>
    </message>
    <message>
        <source>Loading your body metrics</source>
        <translation>Ihre Körperwerte werden geladen</translation>
    </message>
    <message>
        <source>Loading your gear</source>
        <translation>Ihre Ausrüstung wird geladen</translation>
    </message>
    <message>
        <source>Put “{name}” back into use.</source>
        <translation>„{name}“ ist wieder in Gebrauch.</translation>
    </message>
    <message>
        <source>Reading cached workouts</source>
        <translation>Gespeicherte Trainings werden gelesen</translation>
    </message>
    <message>
        <source>Reading your body metrics</source>
        <translation>Ihre Körperwerte werden gelesen</translation>
    </message>
    <message>
        <source>Reading your gear</source>
        <extracomment>Seconds between two questions to the service about how many workouts the account has.</extracomment>
        <translation>Ihre Ausrüstung wird gelesen</translation>
    </message>
    <message>
        <source>Retired “{name}”.</source>
        <translation>„{name}“ ausgemustert.</translation>
    </message>
    <message>
        <source>Saved the change.</source>
        <translation>Die Änderung wurde gespeichert.</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
    <message>
        <source>Saving body metrics</source>
        <translation>Körperwerte werden gespeichert</translation>
    </message>
    <message>
        <source>Saving gear</source>
        <translation>Ausrüstung wird gespeichert</translation>
    </message>
    <message>
        <source>Sign in to SportTracks to do this.</source>
        <translation>Melden Sie sich dazu bei SportTracks an.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>&amp;Imperial (mi, ft)</source>
        <translation>&amp;Imperial (mi, ft)</translation>
    </message>
    <message>
        <source>&amp;Keep watching in the tray when the window is closed</source>
        <translation>Im Infobereich &amp;weiter überwachen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>&amp;Metric (km, m)</source>
        <translation>&amp;Metrisch (km, m)</translation>
    </message>
    <message>
        <source>&amp;Pause automatic upload</source>
        <translation>Automatisches Hochladen &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Start in the tray when I log in</source>
        <translation>Beim Anmelden im Infobereich &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Watch folders and devices for new activities</source>
        <translation>Ordner und Geräte auf neue Aktivitäten &amp;überwachen</translation>
    </message>
    <message>
        <source>A&amp;dd Folder…</source>
        <translation>Ordner hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Also import the files that were in the folder before it was watched</source>
        <translation>Auch die Dateien importieren, die schon im Ordner waren, bevor er überwacht wurde</translation>
    </message>
    <message>
        <source>Automatic Import</source>
        <translation>Automatischer Import</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Import &amp;Existing Files</source>
        <translation>&amp;Vorhandene Dateien importieren</translation>
    </message>
    <message>
        <source>Look for &amp;watches plugged in over USB</source>
        <translation>Per USB angeschlossene Uhren &amp;erkennen</translation>
    </message>
    <message>
        <source>Only add to the upload list</source>
        <translation>Nur zur Hochladeliste hinzufügen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Show a &amp;notification when activities are uploaded</source>
        <translation>Eine &amp;Benachrichtigung zeigen, wenn Aktivitäten hochgeladen wurden</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons.</source>
        <translation>Dieser Desktop zeigt keine Symbole im Infobereich.</translation>
    </message>
    <message>
        <source>Tray and start</source>
        <translation>Infobereich und Start</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Upload automatically</source>
        <translation>Automatisch hochladen</translation>
    </message>
    <message>
        <source>Watch a folder for new activity files</source>
        <translation>Einen Ordner auf neue Aktivitätsdateien überwachen</translation>
    </message>
    <message>
        <source>Watched folders</source>
        <translation>Überwachte Ordner</translation>
    </message>
    <message>
        <source>When a file &amp;appears:</source>
        <translation>Wenn eine Datei &amp;auftaucht:</translation>
    </message>
    <message>
        <source>{folder}  (only add to the list)</source>
        <translation>{folder}  (nur zur Liste hinzufügen)</translation>
    </message>
    <message>
        <source>{folder}  (upload automatically)</source>
        <translation>{folder}  (automatisch hochladen)</translation>
    </message>
</context>
<context>
    <name>PreviewParts</name>
    <message>
        <source>Skip (it is already there)</source>
        <translation>Überspringen (ist schon vorhanden)</translation>
    </message>
    <message>
        <source>Upload anyway</source>
        <translation>Trotzdem hochladen</translation>
    </message>
    <message>
        <source>{count} reasons it may be there already:</source>
        <translation>{count} Gründe, warum es schon vorhanden sein könnte:</translation>
    </message>
    <message>
        <source>{format} from {device}</source>
        <translation>{format} von {device}</translation>
    </message>
</context>
<context>
    <name>PreviewPrivacy</name>
    <message>
        <source>Privacy zones (Edit &gt; Preferences &gt; Privacy Zones): the positions within them at the start and end of a ride are not uploaded; its time, distance and the rest are.</source>
        <extracomment>Said beside the sentence (its tooltip).</extracomment>
        <translation>Privatsphäre-Zonen (Bearbeiten &gt; Einstellungen &gt; Privatsphäre-Zonen): Die Positionen darin am Anfang und Ende einer Fahrt werden nicht hochgeladen; Zeit, Distanz und alles andere schon.</translation>
    </message>
    <message>
        <source>Start and end within {zones} are hidden.</source>
        <translation>Anfang und Ende in {zones} sind ausgeblendet.</translation>
    </message>
    <message>
        <source>Start and end within {zones} are hidden: {length}.</source>
        <extracomment>The sentences, by (start hidden, end hidden), with and without a length.</extracomment>
        <translation>Anfang und Ende in {zones} sind ausgeblendet: {length}.</translation>
    </message>
    <message>
        <source>The end within {zones} is hidden.</source>
        <translation>Das Ende in {zones} ist ausgeblendet.</translation>
    </message>
    <message>
        <source>The end within {zones} is hidden: {length}.</source>
        <translation>Das Ende in {zones} ist ausgeblendet: {length}.</translation>
    </message>
    <message>
        <source>The start within {zones} is hidden.</source>
        <translation>Der Anfang in {zones} ist ausgeblendet.</translation>
    </message>
    <message>
        <source>The start within {zones} is hidden: {length}.</source>
        <translation>Der Anfang in {zones} ist ausgeblendet: {length}.</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>Sport&amp;art</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name in SportTracks</source>
        <extracomment>The selected rows when several are (set by whoever owns the list). The gap Split… proposes first (hours). The privacy zones, read whenever a route is drawn (set by whoever keeps them).</extracomment>
        <translation>Name in SportTracks</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Only a reduced copy of the charts is shown: {reason}</source>
        <translation>Die Diagramme zeigen nur eine reduzierte Kopie: {reason}</translation>
    </message>
    <message>
        <source>Select a file in the list to see its route and charts, and to set the name, type and notes it is uploaded with.</source>
        <translation>Wählen Sie eine Datei in der Liste, um ihre Strecke und Diagramme zu sehen und Name, Sportart und Notizen für das Hochladen festzulegen.</translation>
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
        <source>Privacy Zones</source>
        <extracomment>The page&apos;s title in Preferences (translated by :func:`page_title`).</extracomment>
        <translation>Privatsphäre-Zonen</translation>
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
    <name>RouteView</name>
    <message>
        <source>No GPS data</source>
        <translation>Keine GPS-Daten</translation>
    </message>
    <message>
        <source>No route</source>
        <translation>Keine Strecke</translation>
    </message>
    <message>
        <source>No workout selected</source>
        <translation>Kein Training ausgewählt</translation>
    </message>
    <message>
        <source>Route</source>
        <extracomment>Metres in a degree of latitude (the projection&apos;s unit).</extracomment>
        <translation>Strecke</translation>
    </message>
</context>
<context>
    <name>SandboxMode</name>
    <message>
        <source>Could not sign in to the sandbox: {error}</source>
        <translation>Anmeldung bei der Sandbox fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Opening the sandbox</source>
        <translation>Sandbox wird geöffnet</translation>
    </message>
    <message>
        <source>Sandbox mode: a local demo server with made-up workouts. Nothing reaches SportTracks.</source>
        <translation>Sandbox-Modus: ein lokaler Demo-Server mit erfundenen Trainings. Nichts davon gelangt zu SportTracks.</translation>
    </message>
    <message>
        <source>Signing in to the sandbox</source>
        <translation>Anmeldung bei der Sandbox</translation>
    </message>
    <message>
        <source>Starting the sandbox</source>
        <translation>Sandbox wird gestartet</translation>
    </message>
    <message>
        <source>Starting the sandbox…</source>
        <extracomment>Remembers the sandbox account&apos;s key (not secret) beside the data, so the next start shows its cached workouts before the server is even loaded.</extracomment>
        <translation>Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>The sandbox did not start: {error}</source>
        <translation>Die Sandbox ist nicht gestartet: {error}</translation>
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
    <name>SelectionPanel</name>
    <message>
        <source>&amp;Merge into One Workout</source>
        <translation>Zu einem Training &amp;zusammenführen</translation>
    </message>
    <message>
        <source>Join these recordings of one sport, made back to back, into one workout (the stops between them become pauses).</source>
        <translation>Diese direkt aufeinanderfolgenden Aufzeichnungen einer Sportart zu einem Training verbinden (die Stopps dazwischen werden zu Pausen).</translation>
    </message>
    <message>
        <source>{count} files selected. Upload sends them all; select one to preview it.</source>
        <translation>{count} Dateien ausgewählt. „Hochladen“ sendet alle; wählen Sie eine aus, um ihre Vorschau zu sehen.</translation>
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
    <name>SplitDialog</name>
    <message>
        <source>At &amp;gaps of at least</source>
        <translation>An &amp;Lücken von mindestens</translation>
    </message>
    <message>
        <source>No gap that long and no new day: there is nothing to cut.</source>
        <translation>Keine so lange Lücke und kein neuer Tag: Es gibt nichts zu teilen.</translation>
    </message>
    <message>
        <source>One workout per &amp;sport (this recording holds one sport)</source>
        <translation>Ein Training je &amp;Sportart (diese Aufzeichnung enthält nur eine Sportart)</translation>
    </message>
    <message>
        <source>One workout per &amp;sport ({sports})</source>
        <translation>Ein Training je &amp;Sportart ({sports})</translation>
    </message>
    <message>
        <source>Shortest gap to cut at, in hours</source>
        <translation>Kürzeste Lücke für einen Schnitt, in Stunden</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <source>Split the recording</source>
        <translation>Aufzeichnung aufteilen</translation>
    </message>
    <message>
        <source>Split {name}</source>
        <translation>{name} aufteilen</translation>
    </message>
    <message>
        <source>Where should the recording be cut?</source>
        <translation>Wo soll die Aufzeichnung geteilt werden?</translation>
    </message>
    <message>
        <source>{count} workouts: {parts}</source>
        <translation>{count} Trainings: {parts}</translation>
    </message>
</context>
<context>
    <name>TaskIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the background tasks (uploads stay queued)</source>
        <translation>Die Hintergrundaufgaben anhalten (Uploads bleiben in der Warteschlange)</translation>
    </message>
    <message>
        <source>{task} (+{count} more)</source>
        <translation>{task} (+{count} weitere)</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>Climb ({unit})</source>
        <translation>Anstieg ({unit})</translation>
    </message>
    <message>
        <source>Distance ({unit})</source>
        <translation>Distanz ({unit})</translation>
    </message>
    <message>
        <source>Energy (kcal)</source>
        <translation>Energie (kcal)</translation>
    </message>
    <message>
        <source>Moving time (h:mm)</source>
        <translation>Bewegungszeit (h:mm)</translation>
    </message>
    <message>
        <source>Period</source>
        <extracomment>The period&apos;s first day (a :class:`datetime.date`) on every cell of a period row. The sport category on the cells of a sport row (&quot;&quot; on a period row). What a figure cell shows when there is nothing to add up.</extracomment>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation>Trainings</translation>
    </message>
</context>
<context>
    <name>TotalsPane</name>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>&amp;Sport:</source>
        <translation>S&amp;portart:</translation>
    </message>
    <message>
        <source>&lt;b&gt;This month so far:&lt;/b&gt; {figures}.</source>
        <translation>&lt;b&gt;Dieser Monat bisher:&lt;/b&gt; {figures}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This week so far:&lt;/b&gt; {figures}.</source>
        <extracomment>Bars the chart shows per grouping. Previous periods averaged for the reference line and the summary. Per period: how the summary&apos;s sentences start, compare and average (translated where used; whole sentences, for languages whose words for &quot;this&quot; and &quot;last&quot; follow the noun&apos;s gender).</extracomment>
        <translation>&lt;b&gt;Diese Woche bisher:&lt;/b&gt; {figures}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This year so far:&lt;/b&gt; {figures}.</source>
        <translation>&lt;b&gt;Dieses Jahr bisher:&lt;/b&gt; {figures}.</translation>
    </message>
    <message>
        <source>All sports</source>
        <translation>Alle Sportarten</translation>
    </message>
    <message>
        <source>Average of the previous {count} months: {figure}.</source>
        <translation>Durchschnitt der letzten {count} Monate: {figure}.</translation>
    </message>
    <message>
        <source>Average of the previous {count} weeks: {figure}.</source>
        <translation>Durchschnitt der letzten {count} Wochen: {figure}.</translation>
    </message>
    <message>
        <source>Average of the previous {count} years: {figure}.</source>
        <translation>Durchschnitt der letzten {count} Jahre: {figure}.</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>&amp;Diagramm:</translation>
    </message>
    <message>
        <source>Figure in the chart</source>
        <translation>Wert im Diagramm</translation>
    </message>
    <message>
        <source>Group totals by</source>
        <translation>Summen gruppieren nach</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>No workouts are on this computer yet.</source>
        <translation>Noch keine Trainings auf diesem Computer.</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sportart</translation>
    </message>
    <message>
        <source>The previous month: {figure}.</source>
        <translation>Vormonat: {figure}.</translation>
    </message>
    <message>
        <source>The previous week: {figure}.</source>
        <translation>Vorwoche: {figure}.</translation>
    </message>
    <message>
        <source>The previous year: {figure}.</source>
        <translation>Vorjahr: {figure}.</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Totals chart</source>
        <translation>Diagramm der Summen</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>avg</source>
        <comment>the average, beside its line in a bar chart</comment>
        <translation>Ø</translation>
    </message>
    <message>
        <source>climb</source>
        <translation>Anstieg</translation>
    </message>
    <message>
        <source>distance</source>
        <extracomment>A metric&apos;s name inside a sentence (&quot;12 % more distance than ...&quot;).</extracomment>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>moving time</source>
        <translation>Bewegungszeit</translation>
    </message>
    <message>
        <source>workouts</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <source>{metric} per month · {sport}</source>
        <translation>{metric} pro Monat · {sport}</translation>
    </message>
    <message>
        <source>{metric} per week · {sport}</source>
        <translation>{metric} pro Woche · {sport}</translation>
    </message>
    <message>
        <source>{metric} per year · {sport}</source>
        <translation>{metric} pro Jahr · {sport}</translation>
    </message>
    <message>
        <source>{percent} % less {what} than at this point last month ({figure}).</source>
        <translation>{percent} % weniger {what} als zum selben Zeitpunkt im Vormonat ({figure}).</translation>
    </message>
    <message>
        <source>{percent} % less {what} than at this point last week ({figure}).</source>
        <translation>{percent} % weniger {what} als zum selben Zeitpunkt in der Vorwoche ({figure}).</translation>
    </message>
    <message>
        <source>{percent} % less {what} than at this point last year ({figure}).</source>
        <translation>{percent} % weniger {what} als zum selben Zeitpunkt im Vorjahr ({figure}).</translation>
    </message>
    <message>
        <source>{percent} % more {what} than at this point last month ({figure}).</source>
        <translation>{percent} % mehr {what} als zum selben Zeitpunkt im Vormonat ({figure}).</translation>
    </message>
    <message>
        <source>{percent} % more {what} than at this point last week ({figure}).</source>
        <translation>{percent} % mehr {what} als zum selben Zeitpunkt in der Vorwoche ({figure}).</translation>
    </message>
    <message>
        <source>{percent} % more {what} than at this point last year ({figure}).</source>
        <translation>{percent} % mehr {what} als zum selben Zeitpunkt im Vorjahr ({figure}).</translation>
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
        <translation>{app} ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Pause Automatic Upload</source>
        <translation>Automatisches Hochladen &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Automatic upload paused</source>
        <translation>Automatisches Hochladen pausiert</translation>
    </message>
    <message>
        <source>Changing start at login</source>
        <extracomment>The serial queue of the start-at-login changes.</extracomment>
        <translation>Start beim Anmelden wird geändert</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>It is still running in the tray and uploads new activities as they appear. Choose Quit in this icon&apos;s menu to stop it; Preferences can turn this off.</source>
        <translation>Es läuft im Infobereich weiter und lädt neue Aktivitäten hoch, sobald sie auftauchen. Wählen Sie „Beenden“ im Menü dieses Symbols, um es zu beenden; in den Einstellungen lässt sich das abschalten.</translation>
    </message>
    <message>
        <source>Nothing watched</source>
        <translation>Nichts wird überwacht</translation>
    </message>
    <message>
        <source>Offline: new files wait until SportTracks can be reached</source>
        <translation>Offline: Neue Dateien warten, bis SportTracks erreichbar ist</translation>
    </message>
    <message>
        <source>Updating start at login</source>
        <translation>Start beim Anmelden wird aktualisiert</translation>
    </message>
    <message>
        <source>Uploading {count} file</source>
        <translation>{count} Datei wird hochgeladen</translation>
    </message>
    <message>
        <source>Uploading {count} files</source>
        <translation>{count} Dateien werden hochgeladen</translation>
    </message>
    <message>
        <source>Watching watches plugged in over USB</source>
        <translation>Per USB angeschlossene Uhren werden überwacht</translation>
    </message>
    <message>
        <source>Watching {count} folder</source>
        <translation>{count} Ordner wird überwacht</translation>
    </message>
    <message>
        <source>Watching {count} folder and watches plugged in over USB</source>
        <translation>{count} Ordner und per USB angeschlossene Uhren werden überwacht</translation>
    </message>
    <message>
        <source>Watching {count} folders</source>
        <translation>{count} Ordner werden überwacht</translation>
    </message>
    <message>
        <source>Watching {count} folders and watches plugged in over USB</source>
        <translation>{count} Ordner und per USB angeschlossene Uhren werden überwacht</translation>
    </message>
    <message>
        <source>{app} keeps watching</source>
        <translation>{app} überwacht weiter</translation>
    </message>
</context>
<context>
    <name>TypePicker</name>
    <message>
        <source>Activity category</source>
        <translation>Sportart</translation>
    </message>
    <message>
        <source>Activity subtype</source>
        <translation>Unterart</translation>
    </message>
</context>
<context>
    <name>UploadBatch</name>
    <message>
        <source>1 failed ({file}: {reason})</source>
        <translation>1 fehlgeschlagen ({file}: {reason})</translation>
    </message>
    <message>
        <source>Applying the name, type and notes…</source>
        <translation>Name, Sportart und Notizen werden übernommen…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Übernehmen…</translation>
    </message>
    <message>
        <source>Checking whether an earlier try already reached SportTracks…</source>
        <translation>Es wird geprüft, ob ein früherer Versuch SportTracks schon erreicht hat…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <extracomment>The row status of each queue state.</extracomment>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Not sent: the upload was cancelled.</source>
        <translation>Nicht gesendet: Das Hochladen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Sending the file to SportTracks (then its name, type and notes)…</source>
        <translation>Die Datei wird an SportTracks gesendet (danach Name, Sportart und Notizen)…</translation>
    </message>
    <message>
        <source>Sending the file to SportTracks…</source>
        <translation>Die Datei wird an SportTracks gesendet…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <source>{count} duplicate skipped</source>
        <translation>{count} Duplikat übersprungen</translation>
    </message>
    <message>
        <source>{count} duplicates skipped</source>
        <translation>{count} Duplikate übersprungen</translation>
    </message>
    <message>
        <source>{count} failed (each reason is under Details)</source>
        <translation>{count} fehlgeschlagen (jeder Grund steht unter „Details“)</translation>
    </message>
    <message>
        <source>{count} not sent (cancelled)</source>
        <translation>{count} nicht gesendet (abgebrochen)</translation>
    </message>
    <message>
        <source>{count} uploaded</source>
        <translation>{count} hochgeladen</translation>
    </message>
    <message>
        <source>{error} Will try again.</source>
        <translation>{error} Wird erneut versucht.</translation>
    </message>
</context>
<context>
    <name>UploadButtons</name>
    <message>
        <source>&amp;Clear Uploaded</source>
        <translation>Hoch&amp;geladene entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Show in Table</source>
        <translation>In der &amp;Tabelle zeigen</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <extracomment>Room around a button&apos;s text when it shrinks (the style&apos;s frame and margins).</extracomment>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <source>&amp;Upload Selected</source>
        <translation>Auswahl &amp;hochladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Clear Uploaded</source>
        <translation>Hochgeladene entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Select its workout in the table</source>
        <translation>Sein Training in der Tabelle auswählen</translation>
    </message>
    <message>
        <source>Stop uploading; queued files go back to the list</source>
        <translation>Hochladen anhalten; eingereihte Dateien kommen zurück in die Liste</translation>
    </message>
    <message>
        <source>Take every uploaded file off the list (Ctrl+Shift+Delete); the upload history keeps them</source>
        <translation>Alle hochgeladenen Dateien aus der Liste nehmen (Strg+Umschalt+Entf); der Hochladeverlauf behält sie</translation>
    </message>
    <message>
        <source>Take every uploaded file off the list; the upload history keeps them</source>
        <translation>Alle hochgeladenen Dateien aus der Liste nehmen; der Hochladeverlauf behält sie</translation>
    </message>
    <message>
        <source>Take the selected files off the list (Delete)</source>
        <translation>Die ausgewählten Dateien aus der Liste nehmen (Entf)</translation>
    </message>
    <message>
        <source>Upload the selected files, or all when none is selected</source>
        <translation>Die ausgewählten Dateien hochladen, oder alle, wenn keine ausgewählt ist</translation>
    </message>
</context>
<context>
    <name>UploadController</name>
    <message>
        <source>Cancelling uploads</source>
        <translation>Hochladen wird abgebrochen</translation>
    </message>
    <message>
        <source>Loading the upload queue</source>
        <extracomment>While offline, try again at least this often (the engine&apos;s backoff may ask for longer). The upload run&apos;s own queue: one run at a time, beside every other write. Delay before retrying after n failures and an optional Retry-After (tests shorten it; None: the engine&apos;s own backoff). The privacy zones (Preferences), read on the GUI thread when a run starts: every file of the run goes up without its positions within them at the start and end.</extracomment>
        <translation>Warteschlange wird geladen</translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation>Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Queueing uploads</source>
        <translation>Dateien werden eingereiht</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>{name} wird gelesen</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Waiting for sign-in to SportTracks.</source>
        <translation>Wartet auf die Anmeldung bei SportTracks.</translation>
    </message>
    <message>
        <source>Waiting.</source>
        <translation>Wartet.</translation>
    </message>
    <message>
        <source>{reason} The queued files will go after the next sign-in, or when you click Upload.</source>
        <translation>{reason} Die eingereihten Dateien werden nach der nächsten Anmeldung gesendet oder wenn Sie auf „Hochladen“ klicken.</translation>
    </message>
    <message>
        <source>{reason} Trying again in {seconds} s.</source>
        <translation>{reason} Neuer Versuch in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>UploadIntake</name>
    <message>
        <source>Checking for duplicates</source>
        <translation>Suche nach Duplikaten</translation>
    </message>
    <message>
        <source>It could not be checked for duplicates: {error}</source>
        <translation>Sie konnte nicht auf Duplikate geprüft werden: {error}</translation>
    </message>
    <message>
        <source>Looking into the dropped files</source>
        <translation>Die abgelegten Dateien werden durchgesehen</translation>
    </message>
    <message>
        <source>Looking into {count} dropped items…</source>
        <translation>{count} abgelegte Einträge werden durchgesehen…</translation>
    </message>
    <message>
        <source>Looking into {count} dropped item…</source>
        <translation>{count} abgelegter Eintrag wird durchgesehen…</translation>
    </message>
    <message>
        <source>Reading {count} files…</source>
        <translation>{count} Dateien werden gelesen…</translation>
    </message>
    <message>
        <source>Reading {count} file…</source>
        <translation>{count} Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Reading {file}</source>
        <translation>{file} wird gelesen</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Wird entfernt</translation>
    </message>
    <message>
        <source>Saving your changes</source>
        <translation>Ihre Änderungen werden gespeichert</translation>
    </message>
    <message>
        <source>Unexpected error ({error}); details are in the log.</source>
        <translation>Unerwarteter Fehler ({error}); Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>{count} files are already in the list.</source>
        <translation>{count} Dateien sind schon in der Liste.</translation>
    </message>
    <message>
        <source>{count} of the {total} files are already in the list.</source>
        <translation>{count} der {total} Dateien sind schon in der Liste.</translation>
    </message>
    <message>
        <source>{count} of the {total} files is already in the list.</source>
        <translation>{count} der {total} Dateien ist schon in der Liste.</translation>
    </message>
    <message>
        <source>{file} is already in the list.</source>
        <extracomment>Writes to the upload queue (edits, decisions, removals) stay in order; the upload run has its own key, so they never wait for it. Rows listed per turn of the event loop while a big drop is added.</extracomment>
        <translation>{file} ist schon in der Liste.</translation>
    </message>
</context>
<context>
    <name>UploadListModel</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distanz</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Moving time {time}</source>
        <extracomment>The explanation drawn under the file name (the Details column&apos;s text). The explanation: the File column&apos;s second line and every cell&apos;s tooltip. The cells (and roles) each field of :class:`UploadRow` shows in; RowRole marks cells the delegate draws from the row itself (the progress bar, the second line: the explanation, or the name the workout gets).</extracomment>
        <translation>Bewegungszeit {time}</translation>
    </message>
    <message>
        <source>Moving time: how long the timer ran, pauses left out (SportTracks&apos; Duration). Each row&apos;s tooltip gives the elapsed time too.</source>
        <translation>Bewegungszeit: wie lange die Stoppuhr lief, ohne Pausen („Dauer“ in SportTracks). Der Tooltip jeder Zeile nennt auch die Gesamtzeit.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>The :class:`~st_desktop.ui.theme.Colours` field each status is painted in. Status colours on a light palette, as names (for style sheets); prefer :func:`status_colour`, which follows the palette. The headers, in English (translated in :meth:`UploadListModel.headerData`).</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Sportart</translation>
    </message>
    <message>
        <source>When it started, in the local time where it was recorded</source>
        <extracomment>What a header means, where its title is short.</extracomment>
        <translation>Wann es begann, in der Ortszeit, wo es aufgezeichnet wurde</translation>
    </message>
    <message>
        <source>Why a file has its status</source>
        <translation>Warum eine Datei ihren Status hat</translation>
    </message>
</context>
<context>
    <name>UploadListView</name>
    <message>
        <source>Files to upload</source>
        <extracomment>Columns fitted to what they show, once per batch of changes (never by measuring each row). Columns that step aside, first to last, when the file name would get too little room. Room around a cell&apos;s text (pixels): the item delegate&apos;s margins on both sides. The figure columns are fitted to the rows at most this often (milliseconds). The file name keeps room for about this many average characters before columns step aside. Room around the status: the cell&apos;s margins and the progress bar&apos;s frame. The width each figure column wants (a hidden column measures 0 in Qt).</extracomment>
        <translation>Hochzuladende Dateien</translation>
    </message>
</context>
<context>
    <name>UploadPane</name>
    <message>
        <source>Drop FIT, TCX or GPX files, folders or .zip archives anywhere on the window.</source>
        <extracomment>Quiet time after which freed memory is given back (ms). How often the buttons follow the rows while many change (a pass over every row each time).</extracomment>
        <translation>Ziehen Sie FIT-, TCX- oder GPX-Dateien, Ordner oder .zip-Archive irgendwo auf das Fenster.</translation>
    </message>
    <message>
        <source>Show All {count} Reasons</source>
        <translation>Alle {count} Gründe zeigen</translation>
    </message>
    <message>
        <source>Show Workout {number} of {count} in Table</source>
        <translation>Training {number} von {count} in der Tabelle zeigen</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Fortschritt des Hochladens</translation>
    </message>
    <message>
        <source>Uploading {number} of {total}</source>
        <translation>{number} von {total} wird hochgeladen</translation>
    </message>
    <message>
        <source>{done} of {total} sent, the rest waiting for sign-in</source>
        <translation>{done} von {total} gesendet, der Rest wartet auf die Anmeldung</translation>
    </message>
    <message>
        <source>{file} may already be uploaded, for {count} reason:</source>
        <translation>{file} ist vielleicht schon hochgeladen, aus {count} Grund:</translation>
    </message>
    <message>
        <source>{file} may already be uploaded, for {count} reasons:</source>
        <translation>{file} ist vielleicht schon hochgeladen, aus {count} Gründen:</translation>
    </message>
</context>
<context>
    <name>UploadTexts</name>
    <message>
        <source>Checking whether it is already in SportTracks…</source>
        <translation>Es wird geprüft, ob sie schon in SportTracks ist…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Moving {moving}</source>
        <translation>In Bewegung {moving}</translation>
    </message>
    <message>
        <source>Moving {moving}, elapsed {elapsed} (pauses included)</source>
        <extracomment>Elapsed time is mentioned beside the moving time when it is longer by more than this (s). Names listed at most in a tooltip (the sentence says how many in all).</extracomment>
        <translation>In Bewegung {moving}, insgesamt {elapsed} (mit Pausen)</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>Name: {name} (suggested)</source>
        <translation>Name: {name} (Vorschlag)</translation>
    </message>
    <message>
        <source>Parsing</source>
        <extracomment>What each status says, in English (:func:`status_text` translates).</extracomment>
        <translation>Wird gelesen</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliches Duplikat</translation>
    </message>
    <message>
        <source>Possible duplicate, {count} reasons:</source>
        <translation>Mögliches Duplikat, {count} Gründe:</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>{count} reasons it may be there already. {reason}</source>
        <translation>{count} Gründe, warum sie schon dort sein könnte. {reason}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>{view} view</source>
        <translation>Ansicht {view}</translation>
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
        <translation>Das Training konnte nicht gezeigt werden: {error}</translation>
    </message>
    <message>
        <source>That workout is not in the workout table any more: it may have been deleted. Refresh (F5) to bring the table up to date.</source>
        <translation>Dieses Training ist nicht mehr in der Trainingstabelle: Es wurde vielleicht gelöscht. Aktualisieren Sie (F5), um die Tabelle auf den neuesten Stand zu bringen.</translation>
    </message>
    <message>
        <source>The table&apos;s filters were cleared to show the workout.</source>
        <extracomment>Pages read at most while looking (a sort by name may put the workout far down). How often, and how many times, to look again while the table is reading.</extracomment>
        <translation>Die Filter der Tabelle wurden zurückgesetzt, um das Training zu zeigen.</translation>
    </message>
</context>
<context>
    <name>WorkoutTable</name>
    <message>
        <source>Workouts</source>
        <extracomment>The widest text a column usually shows, for its default width (the header may be wider). Room for the cell margins and the header&apos;s sort arrow (pixels). Characters of the name kept readable in a narrow table (it scrolls sideways instead).</extracomment>
        <translation>Trainings</translation>
    </message>
</context>
<context>
    <name>WorkoutTableModel</name>
    <message>
        <source>A workout without a name shows, in grey italics, the name it would get from its start and type (“Morning Ride”)</source>
        <extracomment>What a header means, where its title is short (translated by :func:`header_tooltip`).</extracomment>
        <translation>Ein Training ohne Namen zeigt grau und kursiv den Namen, den es nach Beginn und Sportart bekäme („Morgendliche Ausfahrt“)</translation>
    </message>
    <message>
        <source>Avg HR (bpm)</source>
        <translation>Ø HF (bpm)</translation>
    </message>
    <message>
        <source>Climb ({unit})</source>
        <translation>Anstieg ({unit})</translation>
    </message>
    <message>
        <source>Counting cached workouts</source>
        <translation>Gespeicherte Trainings werden gezählt</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The translation context of the table&apos;s texts (the model&apos;s, where the headers are asked for). Column -&gt; sort key of :class:`~st_desktop.store.cache.WorkoutQuery`. Data role giving the native value a column sorts by (datetime, float, str or None). Data role giving the row&apos;s :class:`~st_desktop.domain.workout.WorkoutSummary`. Roles :func:`extra_data` answers (the model passes them on): a suggested name&apos;s look, and tooltips. Every role a cell answers: the model&apos;s own and :data:`EXTRA_ROLES`. Elapsed time is mentioned beside the moving time when longer by more than this (seconds).</extracomment>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Distance ({unit})</source>
        <translation>Distanz ({unit})</translation>
    </message>
    <message>
        <source>Moving time</source>
        <translation>Bewegungszeit</translation>
    </message>
    <message>
        <source>Moving time: how long the timer ran, pauses left out (SportTracks&apos; Duration). Each row&apos;s tooltip gives the elapsed time too.</source>
        <translation>Bewegungszeit: wie lange die Stoppuhr lief, ohne Pausen („Dauer“ in SportTracks). Der Tooltip jeder Zeile nennt auch die Gesamtzeit.</translation>
    </message>
    <message>
        <source>Moving {moving}</source>
        <translation>In Bewegung {moving}</translation>
    </message>
    <message>
        <source>Moving {moving}, elapsed {elapsed} (pauses included)</source>
        <translation>In Bewegung {moving}, insgesamt {elapsed} (mit Pausen)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Reading cached workouts</source>
        <extracomment>Rows kept in memory at most (about 1 kB each); windows far from the view are dropped.</extracomment>
        <translation>Gespeicherte Trainings werden gelesen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Sportart</translation>
    </message>
    <message>
        <source>{name} (no name given)</source>
        <translation>{name} (kein Name vergeben)</translation>
    </message>
</context>
<context>
    <name>YearHeatMap</name>
    <message>
        <source>Less</source>
        <translation>Weniger</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Year heat map</source>
        <extracomment>Upper bounds of the shading levels, in hours of moving time per day.</extracomment>
        <translation>Jahresübersicht</translation>
    </message>
    <message>
        <source>{year}: workouts on {count} day</source>
        <translation>{year}: Trainings an {count} Tag</translation>
    </message>
    <message>
        <source>{year}: workouts on {count} days</source>
        <translation>{year}: Trainings an {count} Tagen</translation>
    </message>
</context>
<context>
    <name>_Staged</name>
    <message>
        <source>Loading the rest of the app</source>
        <extracomment>The later steps start at the latest this long after the first paint, busy or not (ms).</extracomment>
        <translation>Der Rest der App wird geladen</translation>
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
