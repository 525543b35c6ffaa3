/**
 * The WebRTC legs of co-hosting, on webrtc-java: a participant's {@link
 * io.livepush.cohost.rtc.PublishingLeg} sends our I420 frames, 48 kHz PCM and data messages to the
 * mixer; the mixer's {@link io.livepush.cohost.rtc.ReceivingLeg} answers and delivers decoded
 * frames back as pooled LivePush frames. Both are built on one long-lived
 * {@link io.livepush.cohost.rtc.RtcRuntime} per process, whose factories and audio modules are
 * chosen to avoid the native library's traps. Signaling is left to the caller through
 * {@link io.livepush.cohost.rtc.LegSignaling}.
 */
package io.livepush.cohost.rtc;
