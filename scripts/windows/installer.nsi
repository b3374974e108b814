; The Windows installer of 党员教育管理 (dangjian), built by `make windows`:
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.2.0 -DBUILD=2 -DPUBLISHER=... \
;     -DEXE=/abs/dist/windows/dangjian.exe -DICON=/abs/dist/windows/build/dangjian.ico \
;     -DASSETS=/abs/assets -DOUTFILE=/abs/dist/windows/dangjian-setup.exe \
;     scripts/windows/installer.nsi
;
; The Makefile reads VERSION and BUILD from FyneApp.toml; EXE is the program
; and ICON its multi-size icon, the optional WELCOME the picture of the
; welcome and finish pages (scripts/windows/package.sh makes them); ASSETS
; holds the font licences. Paths must be absolute (makensis resolves
; relative ones against this file's folder). With
; -DSIGN_UNINSTALLER='command "%1"' the uninstaller is signed by that command
; while it is being built (scripts/windows-sign.sh).
;
; Per user, without administrator rights: into
; $LOCALAPPDATA\Programs\dangjian, with a Start-menu shortcut
; $SMPROGRAMS\党员教育管理\党员教育管理.lnk, a desktop shortcut
; $DESKTOP\党员教育管理.lnk, and the uninstaller registered under
; HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\dangjian.
; /S installs and uninstalls silently; /D=folder (last on the command line)
; installs elsewhere.
;
; The user's data - the database, its backups and keys, in %APPDATA%\dangjian
; (os.UserConfigDir) - is never touched: not by the installer, and not by
; the uninstaller, which removes only the files it installed (by name, never
; a folder with what is in it), the shortcuts and the registry key.

Unicode true
; A 64-bit installer for the 64-bit program: it refuses 32-bit Windows,
; where the program could not run, and runs under a 64-bit-only Wine.
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION | BUILD | EXE | ICON | ASSETS | OUTFILE
	!error "define VERSION, BUILD, EXE, ICON, ASSETS and OUTFILE (see the top of this file)"
!endif
!ifndef PUBLISHER
	!define PUBLISHER "dangjian"
!endif

!define APP_NAME "党员教育管理"
!define APP_EXE "dangjian.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\dangjian"
!define DATA_DIR "%APPDATA%\dangjian"

!ifdef SIGN_UNINSTALLER
	!uninstfinalize '${SIGN_UNINSTALLER}' = 0
!endif

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION} 安装"
UninstallCaption "${APP_NAME} 卸载"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\dangjian"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!ifdef WELCOME ; 164×314 BMP
	!define MUI_WELCOMEFINISHPAGE_BITMAP "${WELCOME}"
	!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${WELCOME}"
!endif
!define MUI_ABORTWARNING

; Pages of the installer.
!define MUI_WELCOMEPAGE_TEXT "将为当前 Windows 用户安装 ${APP_NAME} ${VERSION}，不需要管理员权限。$\r$\n$\r$\n你的数据（数据库、备份）保存在 ${DATA_DIR}，与程序分开，安装、升级和卸载都不会改动它们。$\r$\n$\r$\n如果 ${APP_NAME} 正在运行，请先关闭它，再单击“下一步”。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "${APP_NAME} ${VERSION} 已安装，开始菜单和桌面上有它的快捷方式。$\r$\n$\r$\n你的数据保存在 ${DATA_DIR}，与程序分开：卸载程序只删除它安装的文件、快捷方式和注册表项，不会删除你的数据。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "运行 ${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

; Pages of the uninstaller.
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从下面的文件夹卸载 ${APP_NAME}：只删除安装的程序文件、快捷方式和注册表项。$\r$\n你的数据（${DATA_DIR} 中的数据库和备份）不会被删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "${APP_NAME} 已卸载"
!define MUI_FINISHPAGE_TEXT "程序文件、快捷方式和注册表项已删除。$\r$\n$\r$\n你的数据仍保存在 ${DATA_DIR}，再次安装后即可继续使用。如果确实不再需要，可以自行删除该文件夹（请先备份）。"
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "SimpChinese"

; The installer's own version resource.
VIProductVersion "${VERSION}.${BUILD}"
VIFileVersion "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

Section "${APP_NAME}" SecMain
	SectionIn RO
	SetShellVarContext current

	SetOutPath "$INSTDIR"
	File "/oname=${APP_EXE}" "${EXE}"
	File "/oname=dangjian.ico" "${ICON}"
	SetOutPath "$INSTDIR\licenses\fonts"
	File "${ASSETS}\fonts\README.md"
	File "${ASSETS}\fonts\OFL.txt"

	SetOutPath "$INSTDIR"
	WriteUninstaller "$INSTDIR\uninstall.exe"

	; The shortcuts start in the program's folder.
	CreateDirectory "$SMPROGRAMS\${APP_NAME}"
	CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\dangjian.ico" 0 SW_SHOWNORMAL "" "${APP_NAME}"
	CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\dangjian.ico" 0 SW_SHOWNORMAL "" "${APP_NAME}"

	WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
	WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
	WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
	WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
	${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2 ; in KiB
	WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; Removes exactly what the section above installed. Never RMDir /r: the
; folder may have been chosen by the user and hold other files, and the
; user's data (${DATA_DIR}) is not ours to delete.
Section "Uninstall"
	SetShellVarContext current

	Delete "$DESKTOP\${APP_NAME}.lnk"
	Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
	RMDir "$SMPROGRAMS\${APP_NAME}"

	Delete "$INSTDIR\${APP_EXE}"
	Delete "$INSTDIR\dangjian.ico"
	Delete "$INSTDIR\licenses\fonts\README.md"
	Delete "$INSTDIR\licenses\fonts\OFL.txt"
	RMDir "$INSTDIR\licenses\fonts"
	RMDir "$INSTDIR\licenses"
	Delete "$INSTDIR\uninstall.exe"
	; Only when empty: a folder that still holds anything else stays.
	RMDir "$INSTDIR"

	DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
