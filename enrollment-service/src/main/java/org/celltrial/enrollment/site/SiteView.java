package org.celltrial.enrollment.site;

public record SiteView(String code, String name) {

    static SiteView of(Site site) {
        return new SiteView(site.code, site.name);
    }
}
