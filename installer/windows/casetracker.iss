; Inno Setup 6 script: the Windows installer for Case Tracker's one-folder bundle.
; On Windows, build the bundle first (python dev.py build), then from the repository root:
;   iscc installer\windows\casetracker.iss
; The installer is written to build\installer\windows\.
;
; Uninstalling removes the program folder only. Databases live in the user's data folder
; (%LOCALAPPDATA%\CaseTracker) or wherever staff put them, and are never touched here.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Case Tracker"
#define BundleDir "..\..\build\installer\dist\CaseTracker"
#define GuiExe "casetracker-gui.exe"

[Setup]
; The AppId identifies the program to Windows across upgrades: never change it.
AppId={{3E620AC8-CD84-4619-9BE4-685CF0A3B05E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Case Tracker developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights, or for everyone if chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\build\installer\windows
OutputBaseFilename=CaseTracker-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
