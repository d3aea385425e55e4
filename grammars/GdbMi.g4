grammar GdbMi;
line : EOF ;
