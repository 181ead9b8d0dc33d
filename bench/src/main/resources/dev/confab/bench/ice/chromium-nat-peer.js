'use strict';
// One Chromium peer of NatConnectTimes, the same steps as NatPeerMain takes for Confab: complete descriptions (every
// candidate; gathering waited for), the certificate made before time zero, the offerer's RTCPeerConnection made before
// time zero, the answerer's when the offer arrives. Times are milliseconds from this peer's time zero; the offerer's
// are from createOffer to iceConnectionState "connected" and to connectionState "connected" (ICE and DTLS up).
window.natPeer = (() => {
  const TIMEOUT_MS = 20000;
  const newCertificate = () => RTCPeerConnection.generateCertificate({name: 'ECDSA', namedCurve: 'P-256'});
  let certificate = null;
  let pc = null;
  let zero = 0;
  let iceConnected = null;
  let secured = null;
  let connected = null;

  const sinceZero = () => performance.now() - zero;

  function open(stun) {
    pc = new RTCPeerConnection({iceServers: [{urls: 'stun:' + stun}], certificates: [certificate]});
    iceConnected = null;
    secured = null;
    const peer = pc;
    connected = new Promise((resolve, reject) => {
      peer.oniceconnectionstatechange = () => {
        if (peer.iceConnectionState === 'connected' && iceConnected === null) iceConnected = sinceZero();
      };
      peer.onconnectionstatechange = () => {
        if (peer.connectionState === 'connected' && secured === null) { secured = sinceZero(); resolve(); }
        if (peer.connectionState === 'failed') reject(new Error('the connection failed'));
      };
      setTimeout(() => reject(new Error('not connected within ' + TIMEOUT_MS + ' ms')), TIMEOUT_MS);
    });
    connected.catch(() => {});
  }

  function gathered() {
    return new Promise(resolve => {
      if (pc.iceGatheringState === 'complete') return resolve();
      pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
    });
  }

  return {
    async prepare() {
      certificate = await newCertificate();
    },
    async offer(stun) {
      open(stun);
      pc.addTransceiver('audio', {direction: 'sendrecv'});
      zero = performance.now();
      await pc.setLocalDescription(await pc.createOffer());
      await gathered();
      return {sdp: pc.localDescription.sdp, readyMs: sinceZero()};
    },
    async answer(stun, sdp) {
      zero = performance.now();
      open(stun);
      await pc.setRemoteDescription({type: 'offer', sdp});
      await pc.setLocalDescription(await pc.createAnswer());
      await gathered();
      return {sdp: pc.localDescription.sdp, busyMs: sinceZero()};
    },
    async answered(sdp) {
      await pc.setRemoteDescription({type: 'answer', sdp});
      return {appliedMs: sinceZero()};
    },
    async times() {
      await connected;
      // Chromium may report ICE connected in the same task as the connection: it is never after it.
      return {iceMs: iceConnected === null ? secured : iceConnected, dtlsMs: secured};
    },
    async close() {
      pc.close();
      pc = null;
      certificate = await newCertificate();
    },
  };
})();
