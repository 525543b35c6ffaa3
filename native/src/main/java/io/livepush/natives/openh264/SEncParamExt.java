package io.livepush.natives.openh264;

import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/**
 * {@code SEncParamExt} (codec_app_def.h): every encoder parameter, for {@code GetDefaultParams} and
 * {@code InitializeExt}. 920 bytes on 64-bit Linux. Fill it from {@code GetDefaultParams} and change
 * only what you mean to.
 */
@FieldOrder({"iUsageType", "iPicWidth", "iPicHeight", "iTargetBitrate", "iRCMode", "fMaxFrameRate",
        "iTemporalLayerNum", "iSpatialLayerNum", "sSpatialLayers", "iComplexityMode", "uiIntraPeriod", "iNumRefFrame",
        "eSpsPpsIdStrategy", "bPrefixNalAddingCtrl", "bEnableSSEI", "bSimulcastAVC", "iPaddingFlag",
        "iEntropyCodingModeFlag", "bEnableFrameSkip", "iMaxBitrate", "iMaxQp", "iMinQp", "uiMaxNalSize",
        "bEnableLongTermReference", "iLTRRefNum", "iLtrMarkPeriod", "iMultipleThreadIdc", "bUseLoadBalancing",
        "iLoopFilterDisableIdc", "iLoopFilterAlphaC0Offset", "iLoopFilterBetaOffset", "bEnableDenoise",
        "bEnableBackgroundDetection", "bEnableAdaptiveQuant", "bEnableFrameCroppingFlag", "bEnableSceneChangeDetect",
        "bIsLosslessLink", "bFixRCOverShoot", "iIdrBitrateRatio"})
public class SEncParamExt extends NativeStruct {
    /** EUsageType, e.g. {@code CAMERA_VIDEO_REAL_TIME}. */
    public int iUsageType;
    /** Luma width in pixels (the largest layer's). */
    public int iPicWidth;
    /** Luma height in pixels (the largest layer's). */
    public int iPicHeight;
    /** Target bitrate, bits per second. */
    public int iTargetBitrate;
    /** RC_MODES, e.g. {@code RC_BITRATE_MODE}. */
    public int iRCMode;
    /** Maximum input frame rate (the encoder clips it to 1..60). */
    public float fMaxFrameRate;
    /** Temporal layers, 1..4. */
    public int iTemporalLayerNum;
    /** Spatial layers, 1..4; only the first {@code iSpatialLayerNum} entries below are used. */
    public int iSpatialLayerNum;
    /** SSpatialLayerConfig[MAX_SPATIAL_LAYER_NUM]. */
    public SSpatialLayerConfig[] sSpatialLayers = new SSpatialLayerConfig[CodecAppDef.MAX_SPATIAL_LAYER_NUM];
    /** ECOMPLEXITY_MODE. */
    public int iComplexityMode;
    /** unsigned int: IDR period in frames; 0 = only the first frame (and forced ones). */
    public int uiIntraPeriod;
    /** Reference frames; {@code AUTO_REF_PIC_COUNT} (-1) lets the encoder choose. */
    public int iNumRefFrame;
    /** EParameterSetStrategy: how SPS/PPS ids change from IDR to IDR. */
    public int eSpsPpsIdStrategy;
    /** bool: prefix NAL units (SVC). */
    public byte bPrefixNalAddingCtrl;
    /** bool: SSEI (SVC). */
    public byte bEnableSSEI;
    /** bool: simulcast AVC instead of SVC syntax for higher spatial layers. */
    public byte bSimulcastAVC;
    /** 0: no padding; 1: pad to the bitrate. */
    public int iPaddingFlag;
    /** 0: CAVLC; 1: CABAC. */
    public int iEntropyCodingModeFlag;
    /** bool: rate control may skip frames to hold the bitrate. */
    public byte bEnableFrameSkip;
    /** Maximum bitrate, bits per second; {@code UNSPECIFIED_BIT_RATE} (0) = the level's. */
    public int iMaxBitrate;
    /** Maximum QP. */
    public int iMaxQp;
    /** Minimum QP. */
    public int iMinQp;
    /** unsigned int: maximum NAL size, for {@code SM_SIZELIMITED_SLICE}. */
    public int uiMaxNalSize;
    /** bool: long-term references. */
    public byte bEnableLongTermReference;
    /** Long-term reference count. */
    public int iLTRRefNum;
    /** unsigned int: LTR marking period. */
    public int iLtrMarkPeriod;
    /** unsigned short: 0 = as many threads as cores; 1 = one thread; N = N threads. */
    public short iMultipleThreadIdc;
    /** bool: re-balance slices between threads at run time. */
    public byte bUseLoadBalancing;
    /** 0: deblocking on; 1: off; 2: on except across slice boundaries. */
    public int iLoopFilterDisableIdc;
    /** Deblocking alpha offset, -6..6. */
    public int iLoopFilterAlphaC0Offset;
    /** Deblocking beta offset, -6..6. */
    public int iLoopFilterBetaOffset;
    /** bool: denoising. */
    public byte bEnableDenoise;
    /** bool: background detection. */
    public byte bEnableBackgroundDetection;
    /** bool: adaptive quantization. */
    public byte bEnableAdaptiveQuant;
    /** bool: frame cropping (needed for sizes that are not multiples of 16). */
    public byte bEnableFrameCroppingFlag;
    /** bool: insert an IDR on a scene change. */
    public byte bEnableSceneChangeDetect;
    /** bool: LTR advanced setting. */
    public byte bIsLosslessLink;
    /** bool: fix rate-control overshooting. */
    public byte bFixRCOverShoot;
    /** IDR target size as a percentage of the average frame's. */
    public int iIdrBitrateRatio;
}
