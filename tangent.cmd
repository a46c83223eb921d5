@echo off
rem The `tangent` command on Windows: runs the CLI (dev.tangent.repl.Main) from this checkout's
rem build output, like the bash script `tangent` (without its start-up archive).
rem Build first, at the repository root:  mvn -q -DskipTests package
setlocal
set "ROOT=%~dp0"
set "TARGET=%ROOT%repl\target"
if not exist "%TARGET%\classpath.txt" (
  echo tangent: the command line is not built ^(%TARGET%\classpath.txt is missing^) 1>&2
  echo Build it first, in %ROOT%:  mvn -q -DskipTests package 1>&2
  exit /b 64
)
set /p DEPS=<"%TARGET%\classpath.txt"
set "SELF=%TARGET%\classes"
for %%f in ("%TARGET%\tangent-repl-*.jar") do (
  echo %%~nxf | findstr /v /c:"-tests.jar" /c:"-sources.jar" >nul && set "SELF=%%f"
)
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:+UseG1GC -XX:InitialRAMPercentage=5 -Xmn128m %TANGENT_JAVA_OPTS% -cp "%SELF%;%DEPS%" dev.tangent.repl.Main %*
exit /b %ERRORLEVEL%
