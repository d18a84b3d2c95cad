; Inno Setup script for the Windows installer. Build the bundle first on Windows:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e . pyinstaller
;   .venv\Scripts\pyinstaller --noconfirm packaging\drafter.spec
; then compile this script with Inno Setup 6 (iscc packaging\drafter.iss).
#define AppName "Drafter"
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0F3C52-8E3A-4C1B-9D7E-2F5A1C9E4B10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Drafter
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=Drafter-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Files]
Source: "..\dist\drafter\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\drafter.exe"; Parameters: "gui"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\drafter.exe"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; Flags: unchecked

[Run]
Filename: "{app}\drafter.exe"; Parameters: "gui"; Description: "Start Drafter"; Flags: nowait postinstall skipifsilent
