/**
 * Screen capture: {@link io.livepush.capture.screen.Screen} reads an X11 display (MIT-SHM or
 * XGetImage, optional cursor) into I420 frames. On macOS and Windows, desktops are captured through
 * {@link io.livepush.capture.webrtc}.
 */
package io.livepush.capture.screen;
