package org.celltrial.enrollment.membership;

import java.util.List;

/** A site's staff, by username. */
public record SiteMembers(String siteCode, List<SiteMember> items) {
}
