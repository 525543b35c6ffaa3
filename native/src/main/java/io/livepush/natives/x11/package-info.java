/**
 * JNA bindings to Xlib, the MIT-SHM extension (libXext) and XFIXES (libXfixes): what screen capture
 * on an X11 display needs.
 */
package io.livepush.natives.x11;
