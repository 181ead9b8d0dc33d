package dev.confab.media.call;

import dev.confab.media.sdp.AnswerOptions;
import dev.confab.media.sdp.CodecChoice;
import dev.confab.media.sdp.LocalMedia;
import dev.confab.media.sdp.LocalTransport;
import dev.confab.media.sdp.MediaDescription;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The media sections of a Confab call, audio then video, bundled on one transport: what an offer lists and what an
 * answer keeps of an offer (Opus in audio sections, VP8 and its RTX in video ones, other kinds rejected). Immutable.
 *
 * @param audio the audio section
 * @param video the video section
 */
record CallSections(AudioSection audio, VideoSection video) {

    /** The sections of an offer, audio first. */
    List<LocalMedia> offer() {
        return List.of(audio.offer(), video.offer());
    }

    /** Options for answering an offer with both tracks. */
    AnswerOptions answerOptions(long sessionId, LocalTransport transport) {
        CodecChoice audioCodecs = AudioSection.codecChoice();
        CodecChoice videoCodecs = VideoSection.codecChoice();
        CodecChoice byKind = offered -> switch (offered.media()) {
            case MediaDescription.AUDIO -> audioCodecs.choose(offered);
            case MediaDescription.VIDEO -> videoCodecs.choose(offered);
            default -> List.of();
        };
        Set<String> extensions = new HashSet<>(AudioSection.headerExtensionUris());
        extensions.addAll(VideoSection.headerExtensionUris());
        return AnswerOptions.of(sessionId, transport, byKind)
                .withHeaderExtensions(extensions)
                .withSendStreams(Map.of(MediaDescription.AUDIO, audio.sendStream(),
                        MediaDescription.VIDEO, video.sendStream()));
    }
}
