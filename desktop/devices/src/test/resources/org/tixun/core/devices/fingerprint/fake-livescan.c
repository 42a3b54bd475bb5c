// SPDX-License-Identifier: AGPL-3.0-or-later
/*
 * A fake GA/T 626.1 live scanner for tests (test code only; never shipped). It implements the capture interface
 * that Chinese live-scan readers ship as a shared library -- LIVESCAN_Init, _Close, _GetChannelCount,
 * _SetBright/_SetContrast, _GetCaptWindow, _BeginCapture, _GetFPRawData, _EndCapture, _GetErrorInfo, _GetDesc --
 * with the standard's return values (1 success, negative error numbers, error texts in GBK) and serves the frames a
 * test sets through the FAKE_ functions (or, in another process, the FAKE_LIVESCAN_IMAGE variable): a bare platen
 * (white with sensor noise) for the first N frames, then the impression loaded from a raw 8-bit grey file of the
 * capture window's size.
 *
 * Built by the test with the system C compiler: gcc -shared -fPIC -o libfakelivescan.so fake-livescan.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 640
#define HEIGHT 640
#define CHANNELS 1

static int inited = 0;
static int capturing = -1;
static int init_result = 1;
static int blank_frames = 0;
static int bright[CHANNELS] = {128};
static int contrast[CHANNELS] = {128};
static unsigned char *finger = NULL;
static unsigned int noise_state = 2463534242u;
static int count_init, count_close, count_begin, count_raw, count_end;

/* --- test controls ------------------------------------------------------------------------------------------ */

/* Loads the impression served once the blank frames are used up; 1 on success, -1 if the file is unreadable. */
int FAKE_SetImage(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    unsigned char *buf = malloc(WIDTH * HEIGHT);
    size_t n = fread(buf, 1, WIDTH * HEIGHT, f);
    fclose(f);
    if (n != WIDTH * HEIGHT) {
        free(buf);
        return -1;
    }
    free(finger);
    finger = buf;
    return 1;
}

/* The next n frames show a bare platen (no finger). */
void FAKE_SetBlankFrames(int n) {
    blank_frames = n;
}

/* What LIVESCAN_Init returns next (1, or e.g. -4 "no device"). */
void FAKE_SetInitResult(int rc) {
    init_result = rc;
}

/* How often a function was called: "init", "close", "begin", "raw", "end". */
int FAKE_Count(const char *name) {
    if (strcmp(name, "init") == 0) return count_init;
    if (strcmp(name, "close") == 0) return count_close;
    if (strcmp(name, "begin") == 0) return count_begin;
    if (strcmp(name, "raw") == 0) return count_raw;
    if (strcmp(name, "end") == 0) return count_end;
    return -1;
}

/* Whether a capture is running (BeginCapture without EndCapture). */
int FAKE_Capturing(void) {
    return capturing >= 0;
}

/* A process that cannot call the controls (a child JVM running the production reader) names the impression in the
 * environment: FAKE_LIVESCAN_IMAGE=/path/to/raw is loaded when the library is loaded. */
__attribute__((constructor)) static void fake_from_environment(void) {
    const char *image = getenv("FAKE_LIVESCAN_IMAGE");
    if (image != NULL && image[0] != '\0' && FAKE_SetImage(image) != 1) {
        fprintf(stderr, "fake-livescan: FAKE_LIVESCAN_IMAGE %s is not a %dx%d raw image\n", image, WIDTH, HEIGHT);
    }
}

/* --- GA/T 626.1 ------------------------------------------------------------------------------------------------ */

static unsigned int xorshift(void) {
    noise_state ^= noise_state << 13;
    noise_state ^= noise_state >> 17;
    noise_state ^= noise_state << 5;
    return noise_state;
}

int LIVESCAN_Init(void) {
    count_init++;
    if (init_result != 1) {
        return init_result;
    }
    inited = 1;
    return 1;
}

int LIVESCAN_Close(void) {
    count_close++;
    if (!inited) {
        return -5;
    }
    inited = 0;
    capturing = -1;
    return 1;
}

int LIVESCAN_GetChannelCount(void) {
    return inited ? CHANNELS : -5;
}

int LIVESCAN_SetBright(int channel, int value) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    if (value < 0 || value > 255) return -1;
    bright[channel] = value;
    return 1;
}

int LIVESCAN_SetContrast(int channel, int value) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    if (value < 0 || value > 255) return -1;
    contrast[channel] = value;
    return 1;
}

int LIVESCAN_GetBright(int channel, int *value) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS || value == NULL) return -1;
    *value = bright[channel];
    return 1;
}

int LIVESCAN_GetContrast(int channel, int *value) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS || value == NULL) return -1;
    *value = contrast[channel];
    return 1;
}

int LIVESCAN_GetMaxImageSize(int channel, int *width, int *height) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    *width = WIDTH;
    *height = HEIGHT;
    return 1;
}

int LIVESCAN_GetCaptWindow(int channel, int *x, int *y, int *width, int *height) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    *x = 0;
    *y = 0;
    *width = WIDTH;
    *height = HEIGHT;
    return 1;
}

int LIVESCAN_SetCaptWindow(int channel, int x, int y, int width, int height) {
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    return (x == 0 && y == 0 && width == WIDTH && height == HEIGHT) ? 1 : -102;
}

int LIVESCAN_IsSupportCaptWindow(int channel) {
    return (channel >= 0 && channel < CHANNELS) ? 0 : -101;
}

int LIVESCAN_Setup(void) {
    return -3;
}

int LIVESCAN_IsSupportSetup(void) {
    return 0;
}

int LIVESCAN_BeginCapture(int channel) {
    count_begin++;
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    capturing = channel;
    return 1;
}

int LIVESCAN_GetFPRawData(int channel, unsigned char *raw) {
    count_raw++;
    if (!inited) return -5;
    if (channel < 0 || channel >= CHANNELS) return -101;
    if (capturing != channel) return -105;
    if (raw == NULL) return -1;
    if (blank_frames > 0 || finger == NULL) {
        if (blank_frames > 0) {
            blank_frames--;
        }
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            raw[i] = (unsigned char) (248 + (int) (xorshift() % 7));
        }
        return 1;
    }
    memcpy(raw, finger, WIDTH * HEIGHT);
    return 1;
}

int LIVESCAN_EndCapture(int channel) {
    count_end++;
    if (!inited) return -5;
    if (capturing != channel) return -105;
    capturing = -1;
    return 1;
}

int LIVESCAN_GetErrorInfo(int error, char info[256]) {
    const char *text;
    switch (error) {
        case -1: text = "\262\316\312\375\264\355\316\363"; break;                 /* 参数错误 */
        case -3: text = "\271\246\304\334\316\264\312\265\317\326"; break;         /* 功能未实现 */
        case -4: text = "\311\350\261\270\262\273\264\346\324\332"; break;         /* 设备不存在 */
        case -5: text = "\311\350\261\270\316\264\263\365\312\274\273\257"; break; /* 设备未初始化 */
        case -101: text = "\316\336\320\247\265\304\315\250\265\300\272\305"; break; /* 无效的通道号 */
        case -105: text = "\265\367\323\303\264\355\316\363"; break;               /* 调用错误 */
        default:
            strcpy(info, "\267\307\267\250\265\304\264\355\316\363\272\305");      /* 非法的错误号 */
            return -6;
    }
    strcpy(info, text);
    return 1;
}

int LIVESCAN_GetDesc(char desc[1024]) {
    /* Tixun 测试用活体采集仪（模拟 GA/T 626.1 接口） */
    strcpy(desc, "Tixun \262\342\312\324\323\303\273\356\314\345\262\311\274\257\322\307\243\250\304\243\304\342"
                 " GA/T 626.1 \275\323\277\332\243\251");
    return 1;
}

int LIVESCAN_GetVersion(void) {
    return 100;
}
