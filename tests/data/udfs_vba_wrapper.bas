Function BHK_CASHFLOW(earnings_after_tax, depreciation, Optional provisions_added, Optional provisions_released, Optional retained_participations)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        BHK_CASHFLOW = XLPy.CallUDF("xlcapital.excel.udfs", "BHK_CASHFLOW", Array(earnings_after_tax, depreciation, provisions_added, provisions_released, retained_participations), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        BHK_CASHFLOW = XLPy.CallUDF("xlcapital.excel.udfs", "BHK_CASHFLOW", Array(earnings_after_tax, depreciation, provisions_added, provisions_released, retained_participations))
        Exit Function
    #End If
failed:
    BHK_CASHFLOW = Err.Description
End Function

Function BUFFER_MONTHS(cash, monthly_fixed_costs)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        BUFFER_MONTHS = XLPy.CallUDF("xlcapital.excel.udfs", "BUFFER_MONTHS", Array(cash, monthly_fixed_costs), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        BUFFER_MONTHS = XLPy.CallUDF("xlcapital.excel.udfs", "BUFFER_MONTHS", Array(cash, monthly_fixed_costs))
        Exit Function
    #End If
failed:
    BUFFER_MONTHS = Err.Description
End Function

Function BURN_RATE(receipts, payments, Optional months)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        BURN_RATE = XLPy.CallUDF("xlcapital.excel.udfs", "BURN_RATE", Array(receipts, payments, months), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        BURN_RATE = XLPy.CallUDF("xlcapital.excel.udfs", "BURN_RATE", Array(receipts, payments, months))
        Exit Function
    #End If
failed:
    BURN_RATE = Err.Description
End Function

Function CASHFLOW_INDIRECT(opening, income, closing, Optional extra, Optional language)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CASHFLOW_INDIRECT = XLPy.CallUDF("xlcapital.excel.udfs", "CASHFLOW_INDIRECT", Array(opening, income, closing, extra, language), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CASHFLOW_INDIRECT = XLPy.CallUDF("xlcapital.excel.udfs", "CASHFLOW_INDIRECT", Array(opening, income, closing, extra, language))
        Exit Function
    #End If
failed:
    CASHFLOW_INDIRECT = Err.Description
End Function

Function CASHFLOW_LINE(opening, income, closing, Optional extra, Optional label)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CASHFLOW_LINE = XLPy.CallUDF("xlcapital.excel.udfs", "CASHFLOW_LINE", Array(opening, income, closing, extra, label), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CASHFLOW_LINE = XLPy.CallUDF("xlcapital.excel.udfs", "CASHFLOW_LINE", Array(opening, income, closing, extra, label))
        Exit Function
    #End If
failed:
    CASHFLOW_LINE = Err.Description
End Function

Function CASH_RATIO(cash, current_liabilities, Optional securities)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CASH_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "CASH_RATIO", Array(cash, current_liabilities, securities), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CASH_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "CASH_RATIO", Array(cash, current_liabilities, securities))
        Exit Function
    #End If
failed:
    CASH_RATIO = Err.Description
End Function

Function CASH_RUNWAY(cash, monthly_burn)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CASH_RUNWAY = XLPy.CallUDF("xlcapital.excel.udfs", "CASH_RUNWAY", Array(cash, monthly_burn), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CASH_RUNWAY = XLPy.CallUDF("xlcapital.excel.udfs", "CASH_RUNWAY", Array(cash, monthly_burn))
        Exit Function
    #End If
failed:
    CASH_RUNWAY = Err.Description
End Function

Function CCC(receivables, inventory, payables, revenue, Optional cogs, Optional days)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CCC = XLPy.CallUDF("xlcapital.excel.udfs", "CCC", Array(receivables, inventory, payables, revenue, cogs, days), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CCC = XLPy.CallUDF("xlcapital.excel.udfs", "CCC", Array(receivables, inventory, payables, revenue, cogs, days))
        Exit Function
    #End If
failed:
    CCC = Err.Description
End Function

Function CF_COVERAGE(cashflow, interest, repayment)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CF_COVERAGE = XLPy.CallUDF("xlcapital.excel.udfs", "CF_COVERAGE", Array(cashflow, interest, repayment), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CF_COVERAGE = XLPy.CallUDF("xlcapital.excel.udfs", "CF_COVERAGE", Array(cashflow, interest, repayment))
        Exit Function
    #End If
failed:
    CF_COVERAGE = Err.Description
End Function

Function CF_INTEREST_COVERAGE(cashflow, interest)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CF_INTEREST_COVERAGE = XLPy.CallUDF("xlcapital.excel.udfs", "CF_INTEREST_COVERAGE", Array(cashflow, interest), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CF_INTEREST_COVERAGE = XLPy.CallUDF("xlcapital.excel.udfs", "CF_INTEREST_COVERAGE", Array(cashflow, interest))
        Exit Function
    #End If
failed:
    CF_INTEREST_COVERAGE = Err.Description
End Function

Function CURRENT_RATIO(current_assets, current_liabilities)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        CURRENT_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "CURRENT_RATIO", Array(current_assets, current_liabilities), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        CURRENT_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "CURRENT_RATIO", Array(current_assets, current_liabilities))
        Exit Function
    #End If
failed:
    CURRENT_RATIO = Err.Description
End Function

Function DPO(payables, cost_base, Optional days)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        DPO = XLPy.CallUDF("xlcapital.excel.udfs", "DPO", Array(payables, cost_base, days), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        DPO = XLPy.CallUDF("xlcapital.excel.udfs", "DPO", Array(payables, cost_base, days))
        Exit Function
    #End If
failed:
    DPO = Err.Description
End Function

Function DSI(inventory, cost_base, Optional days)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        DSI = XLPy.CallUDF("xlcapital.excel.udfs", "DSI", Array(inventory, cost_base, days), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        DSI = XLPy.CallUDF("xlcapital.excel.udfs", "DSI", Array(inventory, cost_base, days))
        Exit Function
    #End If
failed:
    DSI = Err.Description
End Function

Function DSO(receivables, revenue, Optional days)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        DSO = XLPy.CallUDF("xlcapital.excel.udfs", "DSO", Array(receivables, revenue, days), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        DSO = XLPy.CallUDF("xlcapital.excel.udfs", "DSO", Array(receivables, revenue, days))
        Exit Function
    #End If
failed:
    DSO = Err.Description
End Function

Function FREE_CASH(cash, obligations, Optional buffer)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        FREE_CASH = XLPy.CallUDF("xlcapital.excel.udfs", "FREE_CASH", Array(cash, obligations, buffer), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        FREE_CASH = XLPy.CallUDF("xlcapital.excel.udfs", "FREE_CASH", Array(cash, obligations, buffer))
        Exit Function
    #End If
failed:
    FREE_CASH = Err.Description
End Function

Function GROSS_WC(receivables, inventory, cash, Optional securities, Optional other_current_assets)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        GROSS_WC = XLPy.CallUDF("xlcapital.excel.udfs", "GROSS_WC", Array(receivables, inventory, cash, securities, other_current_assets), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        GROSS_WC = XLPy.CallUDF("xlcapital.excel.udfs", "GROSS_WC", Array(receivables, inventory, cash, securities, other_current_assets))
        Exit Function
    #End If
failed:
    GROSS_WC = Err.Description
End Function

Function INTEREST_COVERAGE(ebit, interest)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        INTEREST_COVERAGE = XLPy.CallUDF("xlcapital.excel.udfs", "INTEREST_COVERAGE", Array(ebit, interest), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        INTEREST_COVERAGE = XLPy.CallUDF("xlcapital.excel.udfs", "INTEREST_COVERAGE", Array(ebit, interest))
        Exit Function
    #End If
failed:
    INTEREST_COVERAGE = Err.Description
End Function

Function INVENTORY_TURNOVER(inventory, cost_base)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        INVENTORY_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "INVENTORY_TURNOVER", Array(inventory, cost_base), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        INVENTORY_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "INVENTORY_TURNOVER", Array(inventory, cost_base))
        Exit Function
    #End If
failed:
    INVENTORY_TURNOVER = Err.Description
End Function

Function NWC(receivables, inventory, cash, current_liabilities, Optional securities, Optional other_current_assets)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        NWC = XLPy.CallUDF("xlcapital.excel.udfs", "NWC", Array(receivables, inventory, cash, current_liabilities, securities, other_current_assets), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        NWC = XLPy.CallUDF("xlcapital.excel.udfs", "NWC", Array(receivables, inventory, cash, current_liabilities, securities, other_current_assets))
        Exit Function
    #End If
failed:
    NWC = Err.Description
End Function

Function NWC_NARROW(receivables, inventory, cash, payables)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        NWC_NARROW = XLPy.CallUDF("xlcapital.excel.udfs", "NWC_NARROW", Array(receivables, inventory, cash, payables), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        NWC_NARROW = XLPy.CallUDF("xlcapital.excel.udfs", "NWC_NARROW", Array(receivables, inventory, cash, payables))
        Exit Function
    #End If
failed:
    NWC_NARROW = Err.Description
End Function

Function NWC_TO_REVENUE(net_working_capital, revenue)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        NWC_TO_REVENUE = XLPy.CallUDF("xlcapital.excel.udfs", "NWC_TO_REVENUE", Array(net_working_capital, revenue), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        NWC_TO_REVENUE = XLPy.CallUDF("xlcapital.excel.udfs", "NWC_TO_REVENUE", Array(net_working_capital, revenue))
        Exit Function
    #End If
failed:
    NWC_TO_REVENUE = Err.Description
End Function

Function OCF_RATIO(operating_cashflow, short_term_interest, short_term_repayment)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        OCF_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "OCF_RATIO", Array(operating_cashflow, short_term_interest, short_term_repayment), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        OCF_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "OCF_RATIO", Array(operating_cashflow, short_term_interest, short_term_repayment))
        Exit Function
    #End If
failed:
    OCF_RATIO = Err.Description
End Function

Function OPERATING_CYCLE(receivables, inventory, revenue, Optional cogs, Optional days)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        OPERATING_CYCLE = XLPy.CallUDF("xlcapital.excel.udfs", "OPERATING_CYCLE", Array(receivables, inventory, revenue, cogs, days), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        OPERATING_CYCLE = XLPy.CallUDF("xlcapital.excel.udfs", "OPERATING_CYCLE", Array(receivables, inventory, revenue, cogs, days))
        Exit Function
    #End If
failed:
    OPERATING_CYCLE = Err.Description
End Function

Function PAYABLES_TURNOVER(payables, cost_base)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        PAYABLES_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "PAYABLES_TURNOVER", Array(payables, cost_base), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        PAYABLES_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "PAYABLES_TURNOVER", Array(payables, cost_base))
        Exit Function
    #End If
failed:
    PAYABLES_TURNOVER = Err.Description
End Function

Function QUICK_RATIO(current_assets, inventory, current_liabilities)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        QUICK_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "QUICK_RATIO", Array(current_assets, inventory, current_liabilities), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        QUICK_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "QUICK_RATIO", Array(current_assets, inventory, current_liabilities))
        Exit Function
    #End If
failed:
    QUICK_RATIO = Err.Description
End Function

Function QUICK_RATIO_NARROW(cash, securities, receivables, current_liabilities)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        QUICK_RATIO_NARROW = XLPy.CallUDF("xlcapital.excel.udfs", "QUICK_RATIO_NARROW", Array(cash, securities, receivables, current_liabilities), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        QUICK_RATIO_NARROW = XLPy.CallUDF("xlcapital.excel.udfs", "QUICK_RATIO_NARROW", Array(cash, securities, receivables, current_liabilities))
        Exit Function
    #End If
failed:
    QUICK_RATIO_NARROW = Err.Description
End Function

Function RECEIVABLES_TURNOVER(receivables, revenue)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        RECEIVABLES_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "RECEIVABLES_TURNOVER", Array(receivables, revenue), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        RECEIVABLES_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "RECEIVABLES_TURNOVER", Array(receivables, revenue))
        Exit Function
    #End If
failed:
    RECEIVABLES_TURNOVER = Err.Description
End Function

Function WC_RATIO(net_working_capital, total_assets)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        WC_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "WC_RATIO", Array(net_working_capital, total_assets), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        WC_RATIO = XLPy.CallUDF("xlcapital.excel.udfs", "WC_RATIO", Array(net_working_capital, total_assets))
        Exit Function
    #End If
failed:
    WC_RATIO = Err.Description
End Function

Function WC_TURNOVER(net_working_capital, revenue)
    #If App = "Microsoft Excel" Then
        If TypeOf Application.Caller Is Range Then On Error GoTo failed
        WC_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "WC_TURNOVER", Array(net_working_capital, revenue), ThisWorkbook, Application.Caller)
        Exit Function
    #Else
        WC_TURNOVER = XLPy.CallUDF("xlcapital.excel.udfs", "WC_TURNOVER", Array(net_working_capital, revenue))
        Exit Function
    #End If
failed:
    WC_TURNOVER = Err.Description
End Function

