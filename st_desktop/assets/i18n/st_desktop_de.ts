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
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
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
        <source>Counting cached workouts</source>
        <translation>Gespeicherte Trainings werden gezählt</translation>
    </message>
    <message>
        <source>Reading cached workouts</source>
        <extracomment>Rows kept in memory at most (about 1 kB each); windows far from the view are dropped.</extracomment>
        <translation>Gespeicherte Trainings werden gelesen</translation>
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
