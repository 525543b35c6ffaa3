/*
 * Prints the C layout of the OpenH264 encoder API as "key value" lines: sizeof of each struct the
 * JNA bindings mirror, offsetof of each of their fields, and the enum constants they use.
 * OpenH264StructLayoutTest compares the JNA structs with this output (checked in as
 * src/test/resources/io/livepush/natives/openh264/openh264-2.3.1-layout.txt, and recompiled live
 * when gcc and libopenh264-dev are present).
 *
 *   gcc -o /tmp/openh264_layout native/src/test/c/openh264_layout.c && /tmp/openh264_layout
 *
 * Needs only the headers (Debian: libopenh264-dev), not the library.
 */
#include <stddef.h>
#include <stdio.h>
#include <wels/codec_api.h>
#include <wels/codec_ver.h>

#define SIZE(T) printf("sizeof.%s %zu\n", #T, sizeof(T))
#define OFF(T, F) printf("offsetof.%s.%s %zu\n", #T, #F, offsetof(T, F))
#define CONST(C) printf("const.%s %ld\n", #C, (long) (C))

int main(void) {
  printf("version %d.%d.%d\n", OPENH264_MAJOR, OPENH264_MINOR, OPENH264_REVISION);

  SIZE(OpenH264Version);
  OFF(OpenH264Version, uMajor); OFF(OpenH264Version, uMinor);
  OFF(OpenH264Version, uRevision); OFF(OpenH264Version, uReserved);

  SIZE(SSliceArgument);
  OFF(SSliceArgument, uiSliceMode); OFF(SSliceArgument, uiSliceNum);
  OFF(SSliceArgument, uiSliceMbNum); OFF(SSliceArgument, uiSliceSizeConstraint);

  SIZE(SSpatialLayerConfig);
  OFF(SSpatialLayerConfig, iVideoWidth); OFF(SSpatialLayerConfig, iVideoHeight);
  OFF(SSpatialLayerConfig, fFrameRate); OFF(SSpatialLayerConfig, iSpatialBitrate);
  OFF(SSpatialLayerConfig, iMaxSpatialBitrate); OFF(SSpatialLayerConfig, uiProfileIdc);
  OFF(SSpatialLayerConfig, uiLevelIdc); OFF(SSpatialLayerConfig, iDLayerQp);
  OFF(SSpatialLayerConfig, sSliceArgument); OFF(SSpatialLayerConfig, bVideoSignalTypePresent);
  OFF(SSpatialLayerConfig, uiVideoFormat); OFF(SSpatialLayerConfig, bFullRange);
  OFF(SSpatialLayerConfig, bColorDescriptionPresent); OFF(SSpatialLayerConfig, uiColorPrimaries);
  OFF(SSpatialLayerConfig, uiTransferCharacteristics); OFF(SSpatialLayerConfig, uiColorMatrix);
  OFF(SSpatialLayerConfig, bAspectRatioPresent); OFF(SSpatialLayerConfig, eAspectRatio);
  OFF(SSpatialLayerConfig, sAspectRatioExtWidth); OFF(SSpatialLayerConfig, sAspectRatioExtHeight);

  SIZE(SEncParamBase);
  OFF(SEncParamBase, iUsageType); OFF(SEncParamBase, iPicWidth); OFF(SEncParamBase, iPicHeight);
  OFF(SEncParamBase, iTargetBitrate); OFF(SEncParamBase, iRCMode); OFF(SEncParamBase, fMaxFrameRate);

  SIZE(SEncParamExt);
  OFF(SEncParamExt, iUsageType); OFF(SEncParamExt, iPicWidth); OFF(SEncParamExt, iPicHeight);
  OFF(SEncParamExt, iTargetBitrate); OFF(SEncParamExt, iRCMode); OFF(SEncParamExt, fMaxFrameRate);
  OFF(SEncParamExt, iTemporalLayerNum); OFF(SEncParamExt, iSpatialLayerNum);
  OFF(SEncParamExt, sSpatialLayers); OFF(SEncParamExt, iComplexityMode);
  OFF(SEncParamExt, uiIntraPeriod); OFF(SEncParamExt, iNumRefFrame);
  OFF(SEncParamExt, eSpsPpsIdStrategy); OFF(SEncParamExt, bPrefixNalAddingCtrl);
  OFF(SEncParamExt, bEnableSSEI); OFF(SEncParamExt, bSimulcastAVC);
  OFF(SEncParamExt, iPaddingFlag); OFF(SEncParamExt, iEntropyCodingModeFlag);
  OFF(SEncParamExt, bEnableFrameSkip); OFF(SEncParamExt, iMaxBitrate);
  OFF(SEncParamExt, iMaxQp); OFF(SEncParamExt, iMinQp); OFF(SEncParamExt, uiMaxNalSize);
  OFF(SEncParamExt, bEnableLongTermReference); OFF(SEncParamExt, iLTRRefNum);
  OFF(SEncParamExt, iLtrMarkPeriod); OFF(SEncParamExt, iMultipleThreadIdc);
  OFF(SEncParamExt, bUseLoadBalancing); OFF(SEncParamExt, iLoopFilterDisableIdc);
  OFF(SEncParamExt, iLoopFilterAlphaC0Offset); OFF(SEncParamExt, iLoopFilterBetaOffset);
  OFF(SEncParamExt, bEnableDenoise); OFF(SEncParamExt, bEnableBackgroundDetection);
  OFF(SEncParamExt, bEnableAdaptiveQuant); OFF(SEncParamExt, bEnableFrameCroppingFlag);
  OFF(SEncParamExt, bEnableSceneChangeDetect); OFF(SEncParamExt, bIsLosslessLink);
  OFF(SEncParamExt, bFixRCOverShoot); OFF(SEncParamExt, iIdrBitrateRatio);

  SIZE(SSourcePicture);
  OFF(SSourcePicture, iColorFormat); OFF(SSourcePicture, iStride); OFF(SSourcePicture, pData);
  OFF(SSourcePicture, iPicWidth); OFF(SSourcePicture, iPicHeight); OFF(SSourcePicture, uiTimeStamp);

  SIZE(SLayerBSInfo);
  OFF(SLayerBSInfo, uiTemporalId); OFF(SLayerBSInfo, uiSpatialId); OFF(SLayerBSInfo, uiQualityId);
  OFF(SLayerBSInfo, eFrameType); OFF(SLayerBSInfo, uiLayerType); OFF(SLayerBSInfo, iSubSeqId);
  OFF(SLayerBSInfo, iNalCount); OFF(SLayerBSInfo, pNalLengthInByte); OFF(SLayerBSInfo, pBsBuf);

  SIZE(SFrameBSInfo);
  OFF(SFrameBSInfo, iLayerNum); OFF(SFrameBSInfo, sLayerInfo); OFF(SFrameBSInfo, eFrameType);
  OFF(SFrameBSInfo, iFrameSizeInBytes); OFF(SFrameBSInfo, uiTimeStamp);

  SIZE(SBitrateInfo);
  OFF(SBitrateInfo, iLayer); OFF(SBitrateInfo, iBitrate);

  SIZE(ISVCEncoderVtbl);
  OFF(ISVCEncoderVtbl, Initialize); OFF(ISVCEncoderVtbl, InitializeExt);
  OFF(ISVCEncoderVtbl, GetDefaultParams); OFF(ISVCEncoderVtbl, Uninitialize);
  OFF(ISVCEncoderVtbl, EncodeFrame); OFF(ISVCEncoderVtbl, EncodeParameterSets);
  OFF(ISVCEncoderVtbl, ForceIntraFrame); OFF(ISVCEncoderVtbl, SetOption);
  OFF(ISVCEncoderVtbl, GetOption);

  CONST(MAX_TEMPORAL_LAYER_NUM); CONST(MAX_SPATIAL_LAYER_NUM); CONST(MAX_QUALITY_LAYER_NUM);
  CONST(MAX_LAYER_NUM_OF_FRAME); CONST(MAX_NAL_UNITS_IN_LAYER); CONST(MAX_SLICES_NUM_TMP);
  CONST(UNSPECIFIED_BIT_RATE);

  CONST(ENCODER_OPTION_DATAFORMAT); CONST(ENCODER_OPTION_IDR_INTERVAL);
  CONST(ENCODER_OPTION_SVC_ENCODE_PARAM_BASE); CONST(ENCODER_OPTION_SVC_ENCODE_PARAM_EXT);
  CONST(ENCODER_OPTION_FRAME_RATE); CONST(ENCODER_OPTION_BITRATE); CONST(ENCODER_OPTION_MAX_BITRATE);
  CONST(ENCODER_OPTION_INTER_SPATIAL_PRED); CONST(ENCODER_OPTION_RC_MODE);
  CONST(ENCODER_OPTION_RC_FRAME_SKIP); CONST(ENCODER_PADDING_PADDING); CONST(ENCODER_OPTION_PROFILE);
  CONST(ENCODER_OPTION_LEVEL); CONST(ENCODER_OPTION_NUMBER_REF); CONST(ENCODER_OPTION_DELIVERY_STATUS);
  CONST(ENCODER_LTR_RECOVERY_REQUEST); CONST(ENCODER_LTR_MARKING_FEEDBACK);
  CONST(ENCODER_LTR_MARKING_PERIOD); CONST(ENCODER_OPTION_LTR); CONST(ENCODER_OPTION_COMPLEXITY);
  CONST(ENCODER_OPTION_ENABLE_SSEI); CONST(ENCODER_OPTION_ENABLE_PREFIX_NAL_ADDING);
  CONST(ENCODER_OPTION_SPS_PPS_ID_STRATEGY); CONST(ENCODER_OPTION_CURRENT_PATH);
  CONST(ENCODER_OPTION_DUMP_FILE); CONST(ENCODER_OPTION_TRACE_LEVEL);
  CONST(ENCODER_OPTION_TRACE_CALLBACK); CONST(ENCODER_OPTION_TRACE_CALLBACK_CONTEXT);
  CONST(ENCODER_OPTION_GET_STATISTICS); CONST(ENCODER_OPTION_STATISTICS_LOG_INTERVAL);
  CONST(ENCODER_OPTION_IS_LOSSLESS_LINK); CONST(ENCODER_OPTION_BITS_VARY_PERCENTAGE);

  CONST(SPATIAL_LAYER_0); CONST(SPATIAL_LAYER_ALL);
  CONST(RC_QUALITY_MODE); CONST(RC_BITRATE_MODE); CONST(RC_BUFFERBASED_MODE);
  CONST(RC_TIMESTAMP_MODE); CONST(RC_BITRATE_MODE_POST_SKIP); CONST(RC_OFF_MODE);
  CONST(PRO_UNKNOWN); CONST(PRO_BASELINE); CONST(PRO_MAIN); CONST(PRO_HIGH);
  CONST(LEVEL_UNKNOWN); CONST(LEVEL_3_1); CONST(LEVEL_4_0); CONST(LEVEL_4_1); CONST(LEVEL_5_2);
  CONST(WELS_LOG_QUIET); CONST(WELS_LOG_ERROR); CONST(WELS_LOG_WARNING); CONST(WELS_LOG_INFO);
  CONST(WELS_LOG_DEBUG); CONST(WELS_LOG_DETAIL);
  CONST(SM_SINGLE_SLICE); CONST(SM_FIXEDSLCNUM_SLICE); CONST(SM_RASTER_SLICE);
  CONST(SM_SIZELIMITED_SLICE);
  CONST(CAMERA_VIDEO_REAL_TIME); CONST(SCREEN_CONTENT_REAL_TIME); CONST(CAMERA_VIDEO_NON_REAL_TIME);
  CONST(SCREEN_CONTENT_NON_REAL_TIME);
  CONST(LOW_COMPLEXITY); CONST(MEDIUM_COMPLEXITY); CONST(HIGH_COMPLEXITY);
  CONST(CONSTANT_ID); CONST(INCREASING_ID); CONST(SPS_LISTING); CONST(SPS_LISTING_AND_PPS_INCREASING);
  CONST(SPS_PPS_LISTING);

  CONST(videoFormatI420);
  CONST(videoFrameTypeInvalid); CONST(videoFrameTypeIDR); CONST(videoFrameTypeI);
  CONST(videoFrameTypeP); CONST(videoFrameTypeSkip); CONST(videoFrameTypeIPMixed);
  CONST(cmResultSuccess); CONST(cmInitParaError); CONST(cmUnknownReason); CONST(cmMallocMemeError);
  CONST(cmInitExpected); CONST(cmUnsupportedData);
  return 0;
}
