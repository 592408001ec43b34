package org.celltrial.enrollment.lymphodepletion;

import java.util.List;

/** The latest plan (if any) and what was given. */
public record LymphodepletionView(PlanView plan, List<AdministrationView> administrations) {
}
