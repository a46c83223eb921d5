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
rem Spark's --add-opens for Java 17 (as in ./tangent and stdlib/spark/pom.xml); harmless for other scripts.
set "SPARK_OPENS=--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
"%JAVA%" -XX:+UseG1GC -XX:InitialRAMPercentage=5 -Xmn128m %SPARK_OPENS% %TANGENT_JAVA_OPTS% -cp "%SELF%;%DEPS%" dev.tangent.repl.Main %*
exit /b %ERRORLEVEL%
