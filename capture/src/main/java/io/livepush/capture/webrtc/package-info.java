/**
 * Capture on macOS and Windows (and selectable on Linux) through webrtc-java: cameras
 * ({@link io.livepush.capture.webrtc.WebrtcCamera}) and desktops ({@link io.livepush.capture.webrtc.WebrtcScreen}),
 * their I420 frames copied into pooled LivePush frames by {@link io.livepush.capture.webrtc.WebrtcFrameCopier}.
 * {@link io.livepush.capture.webrtc.VideoSources} picks the platform's backend.
 */
package io.livepush.capture.webrtc;
