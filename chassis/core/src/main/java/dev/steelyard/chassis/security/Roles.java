package dev.steelyard.chassis.security;

/** The roles a Steelyard token may carry in its {@code groups} claim. */
public final class Roles {

    public static final String ERP = "erp";
    public static final String COLLECTOR = "collector";
    public static final String CREDIT_MANAGER = "credit-manager";
    public static final String OPS = "ops";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
