package dev.confab.testkit;

import java.util.List;

/**
 * A device a {@link PulseAudio} test server made with {@code pactl load-module}: a speaker (a null sink whose monitor
 * can be recorded) or a microphone (a source fed by playing into a null sink). Immutable.
 */
public sealed interface VirtualDevice permits VirtualDevice.Speaker, VirtualDevice.Microphone {
    /** The PulseAudio name of the sink or source, as applications see it. */
    String name();

    /** The human-readable description PulseAudio shows. */
    String description();

    /** The modules that make the device, in load order; unloading them removes it. */
    List<Integer> modules();

    /** A null sink: what is played into it can be recorded from {@link #monitor()}. */
    record Speaker(String name, String description, int module) implements VirtualDevice {
        /** The source that carries what the sink plays. */
        public String monitor() {
            return name + ".monitor";
        }

        @Override
        public List<Integer> modules() {
            return List.of(module);
        }
    }

    /** A source remapped from the monitor of a null sink {@code feedSink}: what is played into that sink, it hears. */
    record Microphone(String name, String description, String feedSink, List<Integer> modules) implements VirtualDevice {
        public Microphone {
            modules = List.copyOf(modules);
        }
    }
}
