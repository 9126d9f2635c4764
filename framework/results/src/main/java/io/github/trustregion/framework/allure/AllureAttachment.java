package io.github.trustregion.framework.allure;

/**
 * One Allure attachment entry: the file {@code source} in the Allure results directory, shown as
 * {@code name}.
 *
 * @param name the title shown in the report
 * @param source the file name inside the results directory ({@code <uuid>-attachment.<ext>})
 * @param type the MIME type, such as {@code text/csv} or {@code image/svg+xml}
 */
public record AllureAttachment(String name, String source, String type) {}
