# Puts this folder (resources\bin of an installed Folio, which holds folio.cmd) on the PATH of
# the user, or of the machine with -Machine, or takes it off with -Remove. The Windows installer
# and uninstaller run it (resources/installer.nsh). The value is read unexpanded and written back
# as REG_EXPAND_SZ, so entries such as %USERPROFILE%\bin stay as they were.
param([switch]$Remove, [switch]$Machine)
$ErrorActionPreference = 'Stop'
$dir = $PSScriptRoot.TrimEnd('\')
$key = if ($Machine) {
  [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Control\Session Manager\Environment', $true)
} else {
  [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment')
}
try {
  $entries = @(([string]$key.GetValue('Path', '', 'DoNotExpandEnvironmentNames')) -split ';' | Where-Object { $_ -ne '' })
  $present = @($entries | Where-Object { $_.TrimEnd('\') -ieq $dir }).Count -gt 0
  if ($Remove -and $present) {
    $key.SetValue('Path', (@($entries | Where-Object { $_.TrimEnd('\') -ine $dir }) -join ';'), 'ExpandString')
  } elseif (-not $Remove -and -not $present) {
    $key.SetValue('Path', (@($entries + $dir) -join ';'), 'ExpandString')
  }
} finally {
  $key.Close()
}
