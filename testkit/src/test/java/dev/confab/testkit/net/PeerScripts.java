package dev.confab.testkit.net;

/**
 * Scripts for {@code Chromium.evaluate} that connect two browser pages with non-trickle ICE: each side waits until
 * gathering completes, so one offer and one answer carry every candidate. The page keeps its peer connection in
 * {@code window.pc}, the offerer's data channel in {@code window.channel}, and the answerer's received messages in
 * {@code window.received}.
 */
final class PeerScripts {
    private static final String GATHERED = """
            await new Promise(resolve => {
              const check = () => { if (window.pc.iceGatheringState === 'complete') resolve(); };
              window.pc.addEventListener('icegatheringstatechange', check);
              check();
            });""";

    /** {@code args[0]}: ICE servers. Returns the {@code a=candidate:} lines of an offer, then closes its connection. */
    static final String GATHER_CANDIDATES = """
            window.pc = new RTCPeerConnection({iceServers: args[0]});
            window.pc.createDataChannel('probe');
            await window.pc.setLocalDescription(await window.pc.createOffer());
            """ + GATHERED + """
            const lines = window.pc.localDescription.sdp.split('\\r\\n').filter(l => l.startsWith('a=candidate:'));
            window.pc.close();
            return lines;""";

    /** {@code args[0]}: ICE servers. Returns the offer's SDP. */
    static final String OFFER = """
            window.pc = new RTCPeerConnection({iceServers: args[0]});
            window.channel = window.pc.createDataChannel('test');
            await window.pc.setLocalDescription(await window.pc.createOffer());
            """ + GATHERED + """
            return window.pc.localDescription.sdp;""";

    /** {@code args[0]}: ICE servers, {@code args[1]}: the offer's SDP. Returns the answer's SDP. */
    static final String ANSWER = """
            window.pc = new RTCPeerConnection({iceServers: args[0]});
            window.received = [];
            window.pc.ondatachannel = e => { e.channel.onmessage = m => window.received.push(m.data); };
            await window.pc.setRemoteDescription({type: 'offer', sdp: args[1]});
            await window.pc.setLocalDescription(await window.pc.createAnswer());
            """ + GATHERED + """
            return window.pc.localDescription.sdp;""";

    /** {@code args[0]}: the answer's SDP. */
    static final String ACCEPT_ANSWER = "await window.pc.setRemoteDescription({type: 'answer', sdp: args[0]});";

    /** The selected candidate pair: {@code {local: <candidate type>, remoteAddress: <address>}}. */
    static final String SELECTED_PAIR = """
            const stats = await window.pc.getStats();
            let transport;
            stats.forEach(s => { if (s.type === 'transport') transport = s; });
            const pair = stats.get(transport.selectedCandidatePairId);
            return {local: stats.get(pair.localCandidateId).candidateType,
                    remoteAddress: stats.get(pair.remoteCandidateId).address};""";

    private PeerScripts() {}
}
