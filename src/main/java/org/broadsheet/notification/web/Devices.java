package org.broadsheet.notification.web;

/** A device's name for a reader's list of devices, from its browser's {@code User-Agent}: "Firefox on Linux". */
final class Devices {

    private Devices() {
    }

    static String name(String agent) {
        if (agent == null || agent.isBlank()) {
            return "A browser";
        }
        String browser = agent.contains("Edg/") ? "Edge" : agent.contains("Firefox/") ? "Firefox"
                : agent.contains("Chrome/") || agent.contains("Chromium/") ? "Chrome"
                : agent.contains("Safari/") ? "Safari" : "A browser";
        String system = agent.contains("Android") ? "Android" : agent.contains("iPhone") || agent.contains("iPad")
                ? "iOS" : agent.contains("Windows") ? "Windows" : agent.contains("Mac OS") ? "macOS"
                : agent.contains("Linux") ? "Linux" : null;
        return system == null ? browser : browser + " on " + system;
    }
}
