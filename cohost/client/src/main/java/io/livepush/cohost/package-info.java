/**
 * Co-hosting, the participant's side: the signaling protocol (JSON over WebSocket), signed tokens,
 * {@code CohostClient}/{@code CohostSession} (invite, accept, join, leave) and the WebRTC leg that
 * carries a participant's camera and microphone to the mixer.
 */
package io.livepush.cohost;
