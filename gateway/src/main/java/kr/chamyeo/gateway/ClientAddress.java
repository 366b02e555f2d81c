package kr.chamyeo.gateway;

import io.netty.util.NetUtil;
import io.vertx.ext.web.RoutingContext;

/**
 * The address an anonymous caller is counted by. Behind proxies the peer is the last proxy, so the client comes from
 * {@code X-Forwarded-For} — but only the entries the configured number of trusted proxies appended, counted from the
 * right: every entry left of them is whatever the caller wrote, and keying on the first entry gave each spoofed value
 * a fresh bucket. An IPv6 client is counted by its /64, the block one subscriber holds; keyed by the whole address
 * one home connection could draw on 2^64 buckets.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The client's address (an IPv6 one cut to its /64) with {@code trustedHops} proxies appending to X-Forwarded-For. */
    static String of(RoutingContext rc, int trustedHops) {
        String peer = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        if (trustedHops <= 0) {
            return key(peer);
        }
        String forwarded = String.join(",", rc.request().headers().getAll("X-Forwarded-For"));
        String[] entries = forwarded.split(",");
        // The nearest proxy appended the entry at the right end; with fewer entries than trusted proxies, every entry
        // was written by one of them and the leftmost is the client.
        String chosen = entries[Math.max(0, entries.length - trustedHops)].trim();
        return NetUtil.createByteArrayFromIpAddressString(chosen) == null ? key(peer) : key(chosen);
    }

    private static String key(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length == 4) {
            return address;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
