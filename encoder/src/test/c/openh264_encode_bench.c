/*
 * Throughput of OpenH264 called straight from C, the yardstick for the JNA path
 * (OpenH264ThroughputProbe runs the same frames through OpenH264Backend).
 *
 * Reads a raw I420 file of 1280x720 frames into memory, then encodes every frame with the settings
 * OpenH264Backend uses for the default configuration: camera real time, 2500 kbps RC_BITRATE_MODE
 * with frame skip (CBR), 30 fps, one thread, one slice, no periodic IDR, no scene-change IDRs,
 * constant SPS/PPS ids, log quiet, an IDR forced every 60 frames (the 2 s GOP), timestamps
 * round(i * 1e6 / 30) us in ms. Prints frames, wall and thread-CPU seconds and fps, and the bytes
 * produced (the encode loop only; reading the file is not timed); writes the Annex B
 * stream to OUT when given, to compare it with the Java path's.
 *
 *   gcc -O2 -o /tmp/openh264_encode_bench encoder/src/test/c/openh264_encode_bench.c -lopenh264 -lm
 *   /tmp/openh264_encode_bench IN.yuv [OUT.h264]
 *
 * Needs libopenh264-dev (Debian) for the headers.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wels/codec_api.h>

#define W 1280
#define H 720
#define FPS 30
#define BITRATE 2500000
#define GOP_FRAMES 60

static double clock_seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s IN.yuv [OUT.h264]\n", argv[0]);
    return 2;
  }
  const size_t frame_size = (size_t) W * H * 3 / 2;
  FILE *in = fopen(argv[1], "rb");
  if (!in) { perror(argv[1]); return 1; }
  fseek(in, 0, SEEK_END);
  long file_size = ftell(in);
  fseek(in, 0, SEEK_SET);
  int frames = (int) (file_size / frame_size);
  unsigned char *yuv = malloc((size_t) frames * frame_size);
  if (!yuv || fread(yuv, frame_size, frames, in) != (size_t) frames) { fprintf(stderr, "read failed\n"); return 1; }
  fclose(in);
  FILE *out = argc > 2 ? fopen(argv[2], "wb") : NULL;

  ISVCEncoder *enc = NULL;
  if (WelsCreateSVCEncoder(&enc) != 0 || !enc) { fprintf(stderr, "WelsCreateSVCEncoder failed\n"); return 1; }
  int quiet = WELS_LOG_QUIET;
  (*enc)->SetOption(enc, ENCODER_OPTION_TRACE_LEVEL, &quiet);

  SEncParamExt p;
  (*enc)->GetDefaultParams(enc, &p);
  p.iUsageType = CAMERA_VIDEO_REAL_TIME;
  p.iPicWidth = W;
  p.iPicHeight = H;
  p.iTargetBitrate = BITRATE;
  p.iMaxBitrate = UNSPECIFIED_BIT_RATE;
  p.fMaxFrameRate = FPS;
  p.iRCMode = RC_BITRATE_MODE;
  p.bEnableFrameSkip = true;
  p.iTemporalLayerNum = 1;
  p.iSpatialLayerNum = 1;
  p.uiIntraPeriod = 0;
  p.bEnableSceneChangeDetect = false;
  p.eSpsPpsIdStrategy = CONSTANT_ID;
  p.bEnableLongTermReference = false;
  p.bPrefixNalAddingCtrl = false;
  p.bEnableSSEI = false;
  p.iPaddingFlag = 0;
  p.iMultipleThreadIdc = 1;
  p.sSpatialLayers[0].iVideoWidth = W;
  p.sSpatialLayers[0].iVideoHeight = H;
  p.sSpatialLayers[0].fFrameRate = FPS;
  p.sSpatialLayers[0].iSpatialBitrate = BITRATE;
  p.sSpatialLayers[0].iMaxSpatialBitrate = UNSPECIFIED_BIT_RATE;
  p.sSpatialLayers[0].sSliceArgument.uiSliceMode = SM_SINGLE_SLICE;
  p.sSpatialLayers[0].sSliceArgument.uiSliceNum = 1;
  if ((*enc)->InitializeExt(enc, &p) != cmResultSuccess) { fprintf(stderr, "InitializeExt failed\n"); return 1; }

  SSourcePicture pic;
  memset(&pic, 0, sizeof pic);
  pic.iColorFormat = videoFormatI420;
  pic.iPicWidth = W;
  pic.iPicHeight = H;
  pic.iStride[0] = W;
  pic.iStride[1] = pic.iStride[2] = W / 2;
  SFrameBSInfo info;
  memset(&info, 0, sizeof info);

  long long bytes = 0;
  int encoded = 0;
  double start = clock_seconds(CLOCK_MONOTONIC);
  double cpu_start = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
  for (int i = 0; i < frames; i++) {
    unsigned char *f = yuv + (size_t) i * frame_size;
    pic.pData[0] = f;
    pic.pData[1] = f + W * H;
    pic.pData[2] = f + W * H + (W / 2) * (H / 2);
    pic.uiTimeStamp = llround(i * 1e6 / FPS) / 1000;
    if (i % GOP_FRAMES == 0) {
      /* The C vtable declares ForceIntraFrame(bool) but the C++ method is (bool, int iLayerId = -1). */
      ((int (*)(ISVCEncoder *, bool, int)) (*enc)->ForceIntraFrame)(enc, true, -1);
    }
    if ((*enc)->EncodeFrame(enc, &pic, &info) != cmResultSuccess) { fprintf(stderr, "EncodeFrame failed at %d\n", i); return 1; }
    if (info.eFrameType == videoFrameTypeSkip) continue;
    encoded++;
    for (int l = 0; l < info.iLayerNum; l++) {
      SLayerBSInfo *layer = &info.sLayerInfo[l];
      int layer_bytes = 0;
      for (int n = 0; n < layer->iNalCount; n++) layer_bytes += layer->pNalLengthInByte[n];
      bytes += layer_bytes;
      if (out) fwrite(layer->pBsBuf, 1, layer_bytes, out);
    }
  }
  double seconds = clock_seconds(CLOCK_MONOTONIC) - start;
  double cpu_seconds = clock_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
  printf("c: %d frames (%d encoded) in %.3f s = %.1f fps (cpu %.3f s = %.1f fps), %lld bytes\n", frames, encoded,
         seconds, frames / seconds, cpu_seconds, frames / cpu_seconds, bytes);

  (*enc)->Uninitialize(enc);
  WelsDestroySVCEncoder(enc);
  if (out) fclose(out);
  free(yuv);
  return 0;
}
