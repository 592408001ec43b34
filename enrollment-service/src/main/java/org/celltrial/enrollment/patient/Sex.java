package org.celltrial.enrollment.patient;

public enum Sex {
    F,
    M
}
