/*
 * A stand-in for Windows' bcryptprimitives.dll, for running the Windows build
 * under Wine 8 (Debian 12), which lacks that DLL. Go 1.22 and later read
 * their random numbers through bcryptprimitives!ProcessPrng, and a program
 * that cannot resolve it does not start. This DLL exports just ProcessPrng and
 * fills the buffer from RtlGenRandom (advapi32!SystemFunction036), which Wine
 * has. Used only by scripts/wine-smoke.sh; never shipped.
 *
 *   x86_64-w64-mingw32-gcc -O2 -shared -nostdlib -Wl,--entry,DllMain -s \
 *       -o bcryptprimitives.dll bcryptprimitives.c bcryptprimitives.def -ladvapi32
 */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}

/* ProcessPrng fills data with size random bytes; like Windows' own, it
 * always succeeds, so it returns FALSE only if RtlGenRandom fails. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
