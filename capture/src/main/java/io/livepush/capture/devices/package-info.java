/** Discovery of cameras (V4L2) and screens (X displays) for device lists and error messages. */
package io.livepush.capture.devices;
