; Windows installer of the Slate window app, built by scripts/release.sh with
; Debian's makensis:
;
;   makensis -DVERSION=1.2.3 -DVERSION4=1.2.3.0 -DSTAGE=<folder> -DOUTFILE=<setup.exe> slate.nsi
;
; STAGE holds slate.exe (the window app), LICENSE.txt, NOTICE.txt,
; THIRD-PARTY-NOTICES.txt and MicrosoftEdgeWebview2Setup.exe (Microsoft's
; WebView2 Evergreen Bootstrapper, as shipped inside the Wails module).
;
; Per-user install: no administrator rights, into %LOCALAPPDATA%\Programs\Slate,
; a Start-menu entry and an entry in "Installed apps" with an uninstaller.
; The window draws with the Microsoft Edge WebView2 Runtime, which Windows 11
; and current Windows 10 include. When it is missing the installer runs the
; bootstrapper, which downloads and installs the runtime (it needs the
; internet); if that fails it says so, and Slate itself offers the download
; again when it starts.
; Layout follows Wails v2.9.2's build/windows/installer templates.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "pass -DVERSION, -DVERSION4, -DSTAGE and -DOUTFILE (see scripts/release.sh)"
!endif
!ifndef VERSION4
  !error "pass -DVERSION4 (see scripts/release.sh)"
!endif
!ifndef STAGE
  !error "pass -DSTAGE (see scripts/release.sh)"
!endif
!ifndef OUTFILE
  !error "pass -DOUTFILE (see scripts/release.sh)"
!endif

!define PRODUCT "Slate"
!define EXE "slate.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Slate"
; The WebView2 Runtime's client id (Microsoft's WebView2 distribution guide).
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_URL "https://developer.microsoft.com/microsoft-edge/webview2/"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "CompanyName" "The Slate authors"
VIAddVersionKey "LegalCopyright" "Copyright 2026 The Slate authors. Apache License 2.0."

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${PRODUCT}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    IfSilent +2
      MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} needs 64-bit Windows 10 or later."
    SetErrorLevel 64
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; $0 = the installed WebView2 Runtime version, "" when there is none.
!macro WebView2Version
  SetRegView 64
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  SetRegView lastused
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
!macroend

Section "Slate" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=${EXE}" "${STAGE}\slate.exe"
  File "${STAGE}\LICENSE.txt"
  File "${STAGE}\NOTICE.txt"
  File "${STAGE}\THIRD-PARTY-NOTICES.txt"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "The Slate authors"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $1 $2 $3
  IntFmt $1 "0x%08X" $1
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$1"

  !insertmacro WebView2Version
  ${If} $0 != ""
    DetailPrint "Microsoft Edge WebView2 Runtime $0 is installed."
  ${Else}
    DetailPrint "Installing the Microsoft Edge WebView2 Runtime (it downloads from Microsoft)..."
    InitPluginsDir
    SetOutPath "$PLUGINSDIR"
    File "${STAGE}\MicrosoftEdgeWebview2Setup.exe"
    ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
    SetOutPath "$INSTDIR"
    !insertmacro WebView2Version
    ${If} $0 == ""
      DetailPrint "The WebView2 Runtime could not be installed (bootstrapper exit code $1)."
      IfSilent +2
        MessageBox MB_OK|MB_ICONEXCLAMATION "${PRODUCT} is installed, but its window needs the Microsoft Edge WebView2 Runtime, which could not be installed now (is this computer offline?).$\r$\n$\r$\n${PRODUCT} offers to download it when it starts, or install it from ${WEBVIEW2_URL}"
    ${Else}
      DetailPrint "Microsoft Edge WebView2 Runtime $0 installed."
    ${EndIf}
  ${EndIf}
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\NOTICE.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  ; The window's WebView2 cache (Wails keeps it in %APPDATA%\slate.exe).
  RMDir /r "$APPDATA\${EXE}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "Your workspaces are kept: %APPDATA%\slate\slate.db and any database you chose."
SectionEnd
