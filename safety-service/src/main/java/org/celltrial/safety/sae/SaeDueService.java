package org.celltrial.safety.sae;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.security.Caller;
import org.celltrial.safety.ae.AdverseEvent;
import org.celltrial.safety.ae.AdverseEventRepository;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** What serious events must be reported by when, from the stored adverse events. */
@ApplicationScoped
public class SaeDueService {

    /** An EnumSet, which answers false for a relatedness not assessed (null) where Set.of would throw. */
    private static final Set<Relatedness> SUSPECTED = EnumSet.of(Relatedness.POSSIBLE, Relatedness.PROBABLE,
            Relatedness.DEFINITE);

    private final SaeDeadlineRule rule = new SaeDeadlineRule();

    @Inject
    AdverseEventRepository events;

    @Inject
    AdverseEventService adverseEvents;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithSession
    public Uni<SaeDueView> due() {
        Caller caller = Caller.of(identity);
        LocalDate today = LocalDate.now(clock);
        return events.all().map(all -> new SaeDueView(today, all.stream()
                .filter(event -> event.serious && caller.maySeeSite(event.siteCode))
                .map(event -> row(event, adverseEvents.view(event), today))
                .sorted(Comparator.comparing((SaeDueView.Row row) -> row.reporting().status().ordinal()).reversed()
                        .thenComparing(row -> row.reporting().deadline(),
                                Comparator.nullsLast(Comparator.naturalOrder())))
                .toList()));
    }

    private SaeDueView.Row row(AdverseEvent event, AdverseEventView view, LocalDate today) {
        // Without a recorded awareness date, the day the event was recorded here is when the sponsor knew.
        LocalDate awareness = event.awarenessDate != null ? event.awarenessDate
                : event.createdAt.atZone(clock.getZone()).toLocalDate();
        return new SaeDueView.Row(view.id(), view.subjectId(), view.siteCode(), view.ctcaeTerm(), view.grade(),
                view.onset(), awareness, rule.assess(true, fatalOrLifeThreatening(view), suspected(view),
                        view.expected(), awareness, view.reportedOn(), today));
    }

    private static boolean fatalOrLifeThreatening(AdverseEventView event) {
        return event.grade() == 5 || event.seriousnessCriteria().contains(SeriousnessCriterion.DEATH)
                || event.seriousnessCriteria().contains(SeriousnessCriterion.LIFE_THREATENING);
    }

    private static boolean suspected(AdverseEventView event) {
        return SUSPECTED.contains(event.relatedToCarT()) || SUSPECTED.contains(event.relatedToLymphodepletion());
    }
}
