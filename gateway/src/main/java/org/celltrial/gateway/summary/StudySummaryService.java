package org.celltrial.gateway.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.gateway.upstream.EfficacyClient;
import org.celltrial.gateway.upstream.EnrollmentClient;
import org.celltrial.gateway.upstream.Part;
import org.celltrial.gateway.upstream.SafetyClient;
import org.celltrial.gateway.upstream.Section;

import io.smallrye.mutiny.Uni;

/** Reads the three services' summaries at the same cut-off and sites, at once, with the caller's token. */
@ApplicationScoped
public class StudySummaryService {

    @Inject
    EnrollmentClient enrollment;

    @Inject
    SafetyClient safety;

    @Inject
    EfficacyClient efficacy;

    public Uni<StudySummary> summary(LocalDate asOf, List<String> siteCodes) {
        String cutOff = asOf.toString();
        return Uni.combine().all().unis(
                Section.whole(EnrollmentClient.SERVICE, enrollment.summary(cutOff, siteCodes)),
                Section.whole(SafetyClient.SERVICE, safety.summary(cutOff, siteCodes)),
                Section.whole(EfficacyClient.SERVICE, efficacy.summary(cutOff, siteCodes)))
                .asTuple()
                .map(sections -> {
                    if (Stream.of(sections.getItem1(), sections.getItem2(), sections.getItem3())
                            .anyMatch(section -> section.state() == Part.State.FORBIDDEN)) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "Your role may not read the study summary");
                    }
                    return StudySummaryComposer.compose(asOf, siteCodes, sections.getItem1(), sections.getItem2(),
                            sections.getItem3());
                });
    }
}
