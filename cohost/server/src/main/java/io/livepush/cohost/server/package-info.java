/**
 * Co-hosting, the server's side: the signaling endpoint with its invitation registry, and the mixer
 * that terminates every participant's WebRTC leg, composes their video and mixes their audio, and
 * pushes the one stream the audience watches over RTMP.
 */
package io.livepush.cohost.server;
