/*
 * Prints the size of every vo-aacenc struct that LivePush maps with JNA, and the offset of each
 * field, as "NAME VALUE" lines. VoAacEncLayoutTest compiles this against the installed headers
 * (apt-get install libvo-aacenc-dev) and compares every line with the JNA Structure layouts.
 *
 *   gcc -I/usr/include/vo-aacenc -o voaacenc_sizes voaacenc_sizes.c && ./voaacenc_sizes
 */
#include <stddef.h>
#include <stdio.h>
#include <voAAC.h>
#include <voMem.h>

#define SIZE(t) printf("sizeof.%s %zu\n", #t, sizeof(t))
#define OFF(t, f) printf("offsetof.%s.%s %zu\n", #t, #f, offsetof(t, f))

int main(void) {
    SIZE(VO_CODECBUFFER);
    OFF(VO_CODECBUFFER, Buffer);
    OFF(VO_CODECBUFFER, Length);
    OFF(VO_CODECBUFFER, Time);

    SIZE(VO_CODEC_INIT_USERDATA);
    OFF(VO_CODEC_INIT_USERDATA, memflag);
    OFF(VO_CODEC_INIT_USERDATA, memData);
    OFF(VO_CODEC_INIT_USERDATA, reserved1);
    OFF(VO_CODEC_INIT_USERDATA, reserved2);

    SIZE(VO_AUDIO_FORMAT);
    OFF(VO_AUDIO_FORMAT, SampleRate);
    OFF(VO_AUDIO_FORMAT, Channels);
    OFF(VO_AUDIO_FORMAT, SampleBits);

    SIZE(VO_AUDIO_OUTPUTINFO);
    OFF(VO_AUDIO_OUTPUTINFO, Format);
    OFF(VO_AUDIO_OUTPUTINFO, InputUsed);
    OFF(VO_AUDIO_OUTPUTINFO, Resever);

    SIZE(AACENC_PARAM);
    OFF(AACENC_PARAM, sampleRate);
    OFF(AACENC_PARAM, bitRate);
    OFF(AACENC_PARAM, nChannels);
    OFF(AACENC_PARAM, adtsUsed);

    SIZE(VO_AUDIO_CODECAPI);
    OFF(VO_AUDIO_CODECAPI, Init);
    OFF(VO_AUDIO_CODECAPI, SetInputData);
    OFF(VO_AUDIO_CODECAPI, GetOutputData);
    OFF(VO_AUDIO_CODECAPI, SetParam);
    OFF(VO_AUDIO_CODECAPI, GetParam);
    OFF(VO_AUDIO_CODECAPI, Uninit);

    SIZE(VO_MEM_OPERATOR);
    OFF(VO_MEM_OPERATOR, Alloc);
    OFF(VO_MEM_OPERATOR, Free);
    OFF(VO_MEM_OPERATOR, Set);
    OFF(VO_MEM_OPERATOR, Copy);
    OFF(VO_MEM_OPERATOR, Check);
    OFF(VO_MEM_OPERATOR, Compare);
    OFF(VO_MEM_OPERATOR, Move);

    printf("value.VO_PID_AAC_ENCPARAM %ld\n", (long) (VO_PID_AAC_ENCPARAM));
    printf("value.VO_AUDIO_CodingAAC %d\n", (int) VO_AUDIO_CodingAAC);
    printf("value.VO_IMF_USERMEMOPERATOR %d\n", (int) VO_IMF_USERMEMOPERATOR);
    printf("value.VO_ERR_INPUT_BUFFER_SMALL %lu\n", (unsigned long) VO_ERR_INPUT_BUFFER_SMALL);
    printf("value.VO_ERR_OUTPUT_BUFFER_SMALL %lu\n", (unsigned long) VO_ERR_OUTPUT_BUFFER_SMALL);
    return 0;
}
