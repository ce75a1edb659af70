@echo off
rem The `folio` command of an installed Folio: runs the bundled command line
rem (app.asar\out\main\cli.js) on Folio.exe as plain Node.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Folio.exe" "%~dp0..\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
