; Inno Setup 6 script for st-desktop: installs the PyInstaller one-folder bundle, registers
; .fit/.tcx/.gpx ("Open with" SportTracks Desktop; the default app is left to the user), adds a
; Start menu entry and an uninstaller.
;
; Build with packaging/build_windows.ps1, which passes the version read from the package:
;   iscc /DAppVersion=0.1.0 packaging\windows\st-desktop.iss
; Installs per user without admin rights by default; "Install for all users" asks for elevation.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build_windows.ps1 does)
#endif
#define AppName "SportTracks Desktop"
#define AppExe "st-desktop.exe"
#define AppId "io.github.st_desktop.StDesktop"
#define ProgIdBase "StDesktop"
#define BundleDir "..\dist\st-desktop"

[Setup]
; AppId must never change between versions: upgrades and uninstall find the install by it.
AppId={{6C1E0B5D-3F7A-4B8E-9C2D-5A1F0E7B4D93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=st-desktop developers
AppPublisherURL=https://github.com/st-desktop/st-desktop
AppSupportURL=https://github.com/st-desktop/st-desktop/issues
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=st-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\generated\st-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users one.
; One ProgID per format, listed under each extension's OpenWithProgids: Explorer offers the app
; in "Open with" without taking over files the user already opens with something else.
Root: HKA; Subkey: "Software\Classes\.fit\OpenWithProgids"; ValueType: string; ValueName: "{#ProgIdBase}.fit"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.fit"; ValueType: string; ValueName: ""; ValueData: "FIT activity"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.fit\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.fit\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

Root: HKA; Subkey: "Software\Classes\.tcx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgIdBase}.tcx"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.tcx"; ValueType: string; ValueName: ""; ValueData: "TCX activity"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.tcx\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.tcx\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

Root: HKA; Subkey: "Software\Classes\.gpx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgIdBase}.gpx"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.gpx"; ValueType: string; ValueName: ""; ValueData: "GPX track"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.gpx\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgIdBase}.gpx\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

; The application's own entry: its friendly name and the types it supports in "Open with".
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".fit"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tcx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".gpx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
