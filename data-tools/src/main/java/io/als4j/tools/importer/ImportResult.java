package io.als4j.tools.importer;

import io.als4j.data.Dataset;
import java.util.List;

/**
 * What an import produced and what it met on the way.
 *
 * @param dataset the ratings and id dictionaries (close it)
 * @param format the format read (after detection)
 * @param lines lines read, all files together
 * @param bytes uncompressed bytes read
 * @param skipped malformed lines skipped (with --skip-invalid)
 * @param skippedExamples the first few skipped lines' messages
 * @param duplicatesMerged ratings merged away by the duplicate policy
 * @param parseSeconds time spent reading and parsing the files
 * @param buildSeconds time spent sorting the ratings into both orientations
 */
public record ImportResult(
    Dataset dataset,
    Format format,
    long lines,
    long bytes,
    long skipped,
    List<String> skippedExamples,
    long duplicatesMerged,
    double parseSeconds,
    double buildSeconds) {}
