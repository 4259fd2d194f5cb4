import ArgumentParser
import NewsConvKit

/// `--newsml-body xhtml|nitf` takes the writer's own choices.
extension NewsMLWriter.BodyMarkup: ExpressibleByArgument {}
