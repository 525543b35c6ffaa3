/**
 * Cameras on Linux through Video4Linux2: {@link io.livepush.capture.camera.Camera} negotiates a mode,
 * streams with mmap buffers and converts YUYV, NV12, I420 or MJPEG into I420 frames. On macOS and
 * Windows, cameras are captured through {@link io.livepush.capture.webrtc}.
 */
package io.livepush.capture.camera;
