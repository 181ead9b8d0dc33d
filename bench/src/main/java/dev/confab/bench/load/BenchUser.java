package dev.confab.bench.load;

/** One simulated user of the load run: credentials and the ids the server gave it. Immutable. */
record BenchUser(int index, String username, String userId, String deviceId, String token) {}
