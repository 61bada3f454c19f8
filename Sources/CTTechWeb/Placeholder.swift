import CTTechCore
