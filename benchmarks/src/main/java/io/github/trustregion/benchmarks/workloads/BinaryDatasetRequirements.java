package io.github.trustregion.benchmarks.workloads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks, without reading them, that the files of a user-supplied dataset directory exist. */
final class BinaryDatasetRequirements {

  private BinaryDatasetRequirements() {}

  /**
   * Returns one sentence per problem: the property unset, or each missing file.
   *
   * @param dataset the dataset's name for messages
   * @param property the system property naming the directory
   * @param unpacked the directory the archive unpacks into, accepted inside the named one
   * @param files the file names that must exist
   * @param remedy how to get the dataset
   */
  static List<String> check(
      String dataset, String property, String unpacked, List<String> files, String remedy) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return List.of(
          "The "
              + dataset
              + " directory is not set: the system property "
              + property
              + " is empty. "
              + remedy);
    }
    Path directory = Path.of(value.trim());
    Path inner = directory.resolve(unpacked);
    Path root = Files.isDirectory(inner) ? inner : directory;
    List<String> problems = new ArrayList<>();
    for (String file : files) {
      Path path = root.resolve(file);
      if (!Files.isRegularFile(path)) {
        problems.add("The " + dataset + " file " + path + " is missing. " + remedy);
      }
    }
    return problems;
  }
}
