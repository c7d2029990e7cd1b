package se.vagen.employer;

/** An employer with this organisationsnummer is already registered. */
public class EmployerExistsException extends RuntimeException {
    public EmployerExistsException(String orgNumber) {
        super("Employer already registered: " + orgNumber);
    }
}
