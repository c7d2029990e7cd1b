package se.vagen.employer;

import se.vagen.validation.CodeList;

/** Limits and code lists for employer input. */
public final class EmployerRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_INDUSTRY = 100;
    public static final int MAX_ROLE = 100;
    public static final int MAX_CONTACTS = 50;
    public static final CodeList SIZE_BANDS = CodeList.load("/employer/size-bands.json");

    private EmployerRules() {
    }
}
