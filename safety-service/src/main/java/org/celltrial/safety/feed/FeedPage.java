package org.celltrial.safety.feed;

import java.util.List;

/** A page of the feed; {@code nextCursor} is where to continue from (the same cursor when nothing is new). */
public record FeedPage(List<FeedItem> items, String nextCursor) {
}
