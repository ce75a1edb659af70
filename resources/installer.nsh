; Folio's additions to electron-builder's Windows installer (electron-builder.yml: nsis.include).
; - The `folio` command: resources\bin (folio.cmd) goes on the PATH of the user, or of the
;   machine for an install for everyone, and comes off it at uninstall. PowerShell edits the
;   registry value, so a long PATH is never cut to NSIS's string length.
; - .txt and .html posts: Folio is offered under "Open with" without becoming their default
;   (electron-builder's own associations, used for .md, .markdown and .mdx, take the default).

!include LogicLib.nsh
!include WinMessages.nsh

!macro folioPath ARGS
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\bin\folio-path.ps1" ${ARGS}'
  Pop $0
  ${If} $0 != 0
    DetailPrint "Could not change PATH for the folio command (PowerShell: $0); add $INSTDIR\resources\bin to PATH by hand."
  ${EndIf}
  ; Terminals started from now on see the new PATH.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  ${If} $installMode == "all"
    !insertmacro folioPath "-Machine"
  ${Else}
    !insertmacro folioPath ""
  ${EndIf}
  WriteRegStr SHELL_CONTEXT "Software\Classes\Folio.Article" "" "Article"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Folio.Article\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Folio.Article\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHELL_CONTEXT "Software\Classes\.txt\OpenWithProgids" "Folio.Article" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\.html\OpenWithProgids" "Folio.Article" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\.htm\OpenWithProgids" "Folio.Article" ""
!macroend

!macro customUnInstall
  ${If} $installMode == "all"
    !insertmacro folioPath "-Machine -Remove"
  ${Else}
    !insertmacro folioPath "-Remove"
  ${EndIf}
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.txt\OpenWithProgids" "Folio.Article"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.html\OpenWithProgids" "Folio.Article"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.htm\OpenWithProgids" "Folio.Article"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Folio.Article"
!macroend
