# Build the Windows bundle (packaging\dist\st-desktop\) and its installer
# (packaging\dist\st-desktop-VERSION-windows-x64-setup.exe).
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-Python py] [-NoInstaller]
#
# Needs Python 3.11+ and, for the installer, Inno Setup 6 (winget install JRSoftware.InnoSetup,
# or choco install innosetup); iscc.exe is looked up on PATH and in its default folders.
param(
    [string]$Python = "",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not $Python) {
    if (Test-Path ".venv\Scripts\python.exe") { $Python = ".venv\Scripts\python.exe" } else { $Python = "python" }
}
function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Write-Host "== installing st-desktop[package]"
Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[package]")
$Version = (& $Python -c "import st_desktop; print(st_desktop.__version__)").Trim()
$Name = (& $Python -c "import st_desktop; print(st_desktop.APP_NAME)").Trim()

Write-Host "== application credentials (from ST_DESKTOP_CLIENT_ID/SECRET, if set)"
Invoke-Checked $Python @("packaging\write_credentials.py")

Write-Host "== rendering icons"
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked $Python @("resources\make_icons.py")
Remove-Item Env:QT_QPA_PLATFORM

Write-Host "== running PyInstaller"
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "packaging\dist", "--workpath", "packaging\build", "packaging\st_desktop.spec")

$Exe = "packaging\dist\$Name\$Name.exe"
Write-Host "== smoke test: open the window offscreen, then quit"
$SmokeBase = Join-Path ([System.IO.Path]::GetTempPath()) ("st-desktop-smoke-" + [guid]::NewGuid())
$env:QT_QPA_PLATFORM = "offscreen"
$env:ST_DESKTOP_SMOKE_TEST = "1"
# A windowed (no console) executable: wait for it explicitly and read its exit code.
$proc = Start-Process -FilePath $Exe -ArgumentList @("--basedir", "`"$SmokeBase`"") -PassThru -Wait
Remove-Item Env:QT_QPA_PLATFORM, Env:ST_DESKTOP_SMOKE_TEST
$Log = Get-Content (Join-Path $SmokeBase "logs\st-desktop.log") -Raw
if ($proc.ExitCode -ne 0 -or $Log -notmatch "smoke test passed") {
    Write-Host $Log
    throw "the bundled app failed its smoke test (exit code $($proc.ExitCode))"
}
if ($Log -notmatch [regex]::Escape("$Name $Version starting")) { throw "the bundle does not report version $Version" }
Remove-Item -Recurse -Force $SmokeBase

if ($NoInstaller) { Write-Host "== done: packaging\dist\$Name"; exit 0 }

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6 (iscc.exe) not found: install it, or pass -NoInstaller" }
Write-Host "== building the installer with $Iscc"
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", "packaging\windows\st-desktop.iss")
Write-Host "== done: packaging\dist\$Name-$Version-windows-x64-setup.exe"
