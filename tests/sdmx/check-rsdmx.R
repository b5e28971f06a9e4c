# Reads a snapshot's structure.xml with rsdmx (Debian's r-cran-rsdmx), as an R user of the open data would, and checks
# what it finds against observations.sdmx.csv. Usage: Rscript check-rsdmx.R <folder with structure.xml and
# observations.sdmx.csv>. Its last line is "rsdmx: N passed, N failed".
suppressPackageStartupMessages(library(rsdmx))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
passed <- 0; failed <- 0
check <- function(what, ok) {
  ok <- isTRUE(ok)
  cat(if (ok) "  ok   " else "  FAIL ", what, "\n", sep = "")
  if (ok) passed <<- passed + 1 else failed <<- failed + 1
}

structure <- tryCatch(readSDMX(file = file.path(folder, "structure.xml"), isURL = FALSE), error = function(e) { message(conditionMessage(e)); NULL })
check("readSDMX reads structure.xml as a structure message", is(structure, "SDMXDataStructureDefinition"))

if (!is.null(structure)) {
  dsds <- slot(slot(structure, "datastructures"), "datastructures")
  check("it holds one data structure definition, DSD_OBSERVATORY", length(dsds) == 1 && slot(dsds[[1]], "id") == "DSD_OBSERVATORY")
  components <- slot(dsds[[1]], "Components")
  dimensions <- sapply(slot(components, "Dimensions"), function(d) slot(d, "conceptRef"))
  time <- slot(slot(components, "TimeDimension"), "conceptRef")
  attributes <- sapply(slot(components, "Attributes"), function(a) slot(a, "conceptRef"))
  measure <- slot(slot(components, "PrimaryMeasure"), "conceptRef")
  csv <- read.csv(file.path(folder, "observations.sdmx.csv"), colClasses = "character", na.strings = character(0), check.names = FALSE)
  components_of_csv <- setdiff(names(csv), c("STRUCTURE", "STRUCTURE_ID", "ACTION"))
  check("every column of observations.sdmx.csv is a component of the DSD",
        setequal(components_of_csv, c(dimensions, time, attributes, measure)))

  codelists <- slot(slot(structure, "codelists"), "codelists")
  ids <- sapply(codelists, function(l) slot(l, "id"))
  check("the code lists of the dimensions are there", all(paste0("CL_", setdiff(dimensions, character(0))) %in% ids))
  sex <- as.data.frame(slot(structure, "codelists"), codelistId = "CL_SEX")
  check("CL_SEX has names in en, es, pt and fr", all(c("name.en", "name.es", "name.pt", "name.fr") %in% names(sex)))
  check("CL_SEX names F Femenino in Spanish", sex[sex$id == "F", "name.es"] == "Femenino")
  in_list <- sapply(c(dimensions, "UNIT_MEASURE", "CONF_STATUS"), function(column) {
    codes <- as.data.frame(slot(structure, "codelists"), codelistId = paste0("CL_", column))$id
    all(csv[[column]] %in% codes)
  })
  check("every code of the coded columns is in its code list", all(in_list))
  schemes <- slot(slot(structure, "concepts"), "conceptSchemes")
  concepts <- sapply(slot(schemes[[1]], "Concept"), function(concept) slot(concept, "id"))
  check("the concept scheme names every component", all(c(dimensions, time, attributes, measure) %in% concepts))
}

cat(sprintf("rsdmx: %d passed, %d failed\n", passed, failed))
quit(status = if (failed == 0) 0 else 1)
